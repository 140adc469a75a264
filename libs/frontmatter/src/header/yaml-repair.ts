// `key: "text` opening a quoted value that the same line does not close.
const QUOTED_START = /^( *(?:- +)?)[^\s"'#][^:]*: +(["'])(.*)$/;

export interface Repair {
  text: string;
  /** 1-based header line of the first continuation that was indented. */
  firstLine: number;
}

/**
 * Jekyll (libyaml), Hugo (go-yaml) and PyYAML read a multi-line quoted value whose
 * continuation lines start at column 0; the YAML spec and the `yaml` library do not
 * (eemeli/yaml#176). Indenting those lines one step changes no value, since folding
 * drops leading spaces of continuation lines. Returns null when nothing applies.
 */
export function indentQuotedContinuations(header: string): Repair | null {
  const lines = header.split('\n');
  let firstLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const start = QUOTED_START.exec(lines[i]!);
    if (!start || closes(start[3]!, start[2]!)) continue;
    const indent = ' '.repeat(start[1]!.length + 1);
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() !== '' && !line.startsWith(indent)) {
        lines[j] = indent + line.trimStart();
        firstLine ||= j + 1;
      }
      if (closes(line, start[2]!)) break;
    }
    if (j === lines.length) return null;
    i = j;
  }
  return firstLine === 0 ? null : { text: lines.join('\n'), firstLine };
}

function closes(text: string, quote: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote === '"' && c === '\\') k++;
    else if (c === quote) {
      if (quote === "'" && text[k + 1] === "'") k++;
      else return true;
    }
  }
  return false;
}
