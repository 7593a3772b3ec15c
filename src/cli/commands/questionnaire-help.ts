/** `mognad questionnaire --help`: kept apart from the command so that printing it loads nothing else. */
export const questionnaireHelp = `Usage: mognad questionnaire <list | validate <file> | import <file> [--code C] | compare <code>> [--json]
  list              published questionnaires and their versions
  validate <file>   check a questionnaire definition (JSON) and list every error with its path; for a
                    LimeSurvey file, what import would make of it (pages, skipped questions, notes)
  import <file>     validate and publish a definition as an immutable version; a question code an earlier
                    version used with another type or scale is refused (its answers would not compare)
  import <file.lss> [--code C]
                    a LimeSurvey survey structure file (.lss, or any file that is XML) as a new
                    questionnaire's draft, under C or ls_<survey id>: groups become pages, the question
                    types the model has (lists, yes/no, gender, 5-point choice, multiple choice, free text)
                    with their answer codes, simple conditions (Q1 == "A1" or Q1 == "A2") and every
                    language; each question that cannot be mapped is listed with its reason and left out
                    whole; nothing is stored when the file is refused
  compare <code> [--from N] [--to N]
                    the questions two published versions share (and what changed in their wording),
                    add and drop; by default the newest version against the one before it`;
