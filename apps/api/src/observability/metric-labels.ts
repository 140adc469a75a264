/** A GraphQL name (https://spec.graphql.org/October2021/#Name), bounded. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * Operation names as metric labels: each distinct name is a time series, and clients choose
 * names, so only the first `max` names of operations that passed validation get their own;
 * the rest are `other`, operations without a name `anonymous`.
 */
export class OperationLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max = 100) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (!GRAPHQL_NAME.test(name) || this.known.size >= this.max) return 'other';
    this.known.add(name);
    return name;
  }
}

/** An error code as a label: codes are ours or Apollo's, but an odd one collapses to OTHER. */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER';
}
