/** `mognad demo --help`: kept apart from the command so that printing it loads nothing else. */
export const demoHelp = `Usage:
  mognad demo [--out <file.pdf>]
      creates the demo wave: Region Norrbotten's 2020 survey of its municipalities, closed, with 20
      responses whose figures are those of the region's published report, themes, quotable answers and
      the report itself (published as version 1); running it again changes nothing and prints where the
      wave is
  --out   also write the demo report's latest published version as a PDF to this file`;
