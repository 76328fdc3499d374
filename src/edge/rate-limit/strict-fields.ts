import { DocumentNode, Kind, OperationDefinitionNode, OperationTypeNode, SelectionSetNode } from 'graphql';

/**
 * Root fields that spend the stricter per-address `register` budget: public, and abusable. `register`
 * writes rows (and so does `respondToSurvey`, which needs no token from a drop-in); `holdSeats` takes seats from everyone else for minutes; `myRegistration` answers whether a cancel code exists, so its budget is what keeps
 * codes from being guessed (on top of their 192 bits).
 */
const STRICT_FIELDS: Readonly<Partial<Record<OperationTypeNode, ReadonlySet<string>>>> = {
  [OperationTypeNode.MUTATION]: new Set(['register', 'holdSeats', 'respondToSurvey']),
  [OperationTypeNode.QUERY]: new Set(['myRegistration']),
};

/**
 * How many strict root fields the operation runs: each alias counts, and so do fields reached through
 * root-level fragments (`{ ...F }`, `{ ... on Query { } }`), which would otherwise dodge the count.
 */
export function strictFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const names = STRICT_FIELDS[operation.operation];
  if (!names) return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number => set.selections.reduce((sum, s) => {
    if (s.kind === Kind.FIELD) return sum + (names.has(s.name.value) ? 1 : 0);
    if (s.kind === Kind.INLINE_FRAGMENT) return sum + count(s.selectionSet);
    const fragment = fragments.get(s.name.value);
    // Validation refuses fragment cycles; `seen` only keeps an unvalidated document from looping here.
    if (!fragment || seen.has(s.name.value)) return sum;
    seen.add(s.name.value);
    return sum + count(fragment.selectionSet);
  }, 0);
  return count(operation.selectionSet);
}
