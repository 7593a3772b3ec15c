/** `mognad questionnaire --help`: kept apart from the command so that printing it loads nothing else. */
export const questionnaireHelp = `Usage: mognad questionnaire <list | validate <file> | import <file>> [--json]
  list              published questionnaires and their versions
  validate <file>   check a questionnaire definition (JSON) and list every error with its path
  import <file>     validate and publish a definition as an immutable version`;
