import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The field names a document selects at `path` below the field being resolved (e.g. ['edges', 'node']
 * under `events`), through fragments and inline fragments. Over-approximate on purpose: @skip/@include
 * and type conditions are ignored, so a read sized by this set never misses a field. Null when the
 * document cannot be followed (a fragment not in `info`): the caller then reads everything.
 */
export function selectedFieldsAt(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): Set<string> | null {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    const fields = fieldsOf(sets, info.fragments);
    if (!fields) return null;
    sets = fields.filter((f) => f.name.value === step && f.selectionSet).map((f) => f.selectionSet!);
  }
  const fields = fieldsOf(sets, info.fragments);
  return fields ? new Set(fields.map((f) => f.name.value)) : null;
}

function fieldsOf(sets: SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): FieldNode[] | null {
  const fields: FieldNode[] = [];
  const pending = [...sets];
  const seen = new Set<string>();
  while (pending.length) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments[selection.name.value];
        if (!fragment) return null;
        seen.add(selection.name.value);
        pending.push(fragment.selectionSet);
      }
    }
  }
  return fields;
}
