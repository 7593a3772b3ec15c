/** `mognad participant --help`: kept apart from the command so that printing it loads nothing else. */
export const participantHelp = `Usage:
  mognad participants import --wave <slug> <file> [--print-links]
      imports a CSV or XLSX list (columns name, email, title, organisation; Swedish names such as namn,
      e-post, befattning, kommun work too; organisation by official code or name). All or nothing: every
      bad row is printed with its line number and nothing is imported. --print-links prints each person's
      personal link (shown only this once) as "name <email>: link".
  mognad participant add --wave <slug> --organisation <code or name> [--name <name>] [--email <address>] [--title <title>]
      invites one person to a wave and prints their personal link (shown only this once)`;
