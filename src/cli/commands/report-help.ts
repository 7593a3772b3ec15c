/** `mognad report --help`: kept apart from the command so that printing it loads nothing else. */
export const reportHelp = `Usage: mognad report --wave <slug> --format pdf|docx|html --out <file>
                     [--organisation <code>] [--version <n>] [--lang sv|en]
Writes a wave's report: the draft from today's data (marked "Utkast"), or a published version rebuilt
from its frozen snapshot, byte for byte as published.
  --organisation  the draft for one organisation against the region (only with at least the wave's k
                  respondents)
  --version       a published version instead of the draft (see the report page for the versions)
  --lang          the language of a draft created by this command (default sv)`;
