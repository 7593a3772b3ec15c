/** `mognad import --help`: kept apart from the command so that printing it loads nothing else. */
export const importHelp = `Usage:
  mognad import responses --wave <slug> <file> [--mapping mapping.json] [--dry-run]
      imports responses from a CSV (UTF-8, ; or ,) or XLSX file in the export format into a wave of the same
      questionnaire. All or nothing: every bad cell is printed with its line and column, and nothing is
      imported. Each row's response_id is kept: importing the same file again changes nothing.
      --mapping reads another tool's export: a JSON file {"columns": {"<header>": "<export column>" or ""},
      "values": {"<header>": {"<value>": "<code>"}}, "status": "complete"|"partial"}.
      --dry-run checks the file and prints what would be imported.`;
