/** The HTML id of a question's first input: the target of its label and of the error summary's link. */
export const fieldId = (questionCode: string): string => `q-${questionCode}`;
