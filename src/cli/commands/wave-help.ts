/** `mognad wave --help`: kept apart from the command so that printing it loads nothing else. */
export const waveHelp = `Usage:
  mognad wave create --questionnaire <code> --name <name> [--slug <slug>] [--period <text>] [--open] [--anonymous] [--k 5]
      creates a wave (a draft); --open makes it an open-link wave, otherwise respondents are invited;
      --anonymous stores invited people's answers without a link to them
  mognad wave list [--json]
  mognad wave show <slug> [--json]    includes the counts of partial and complete responses
  mognad wave status <slug> [--json]  invited, started and completed per organisation and role group
  mognad wave open <slug>             starts taking answers
  mognad wave close <slug>            stops taking answers`;
