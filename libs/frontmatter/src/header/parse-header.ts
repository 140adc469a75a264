import type { Warn } from '../context.js';
import type { SplitFile } from '../source/split-header.js';
import { parseJsonHeader } from './json-header.js';
import type { ParsedHeader } from './parsed-header.js';
import { parseTomlHeader } from './toml-header.js';
import { parseYamlHeader } from './yaml-header.js';

export function parseHeader(file: SplitFile, warn: Warn): ParsedHeader {
  switch (file.format) {
    case 'yaml':
      return parseYamlHeader(file.header, file.headerLine, warn);
    case 'toml':
      return parseTomlHeader(file.header, file.headerLine, warn);
    case 'json':
      return parseJsonHeader(file.header, file.headerLine, warn);
    case null:
      return { data: {}, lineOf: () => null };
  }
}
