/** `mognad questionnaire --help`: kept apart from the command so that printing it loads nothing else. */
export const questionnaireHelp = `Usage: mognad questionnaire <list | validate <file> | import <file> | compare <code>> [--json]
  list              published questionnaires and their versions
  validate <file>   check a questionnaire definition (JSON) and list every error with its path
  import <file>     validate and publish a definition as an immutable version; a question code an earlier
                    version used with another type or scale is refused (its answers would not compare)
  compare <code> [--from N] [--to N]
                    the questions two published versions share (and what changed in their wording),
                    add and drop; by default the newest version against the one before it`;
