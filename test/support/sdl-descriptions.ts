import { DefinitionNode, FieldDefinitionNode, InputValueDefinitionNode, Kind, parse } from 'graphql';

const described = (node: { description?: { value: string } }) => !!node.description?.value.trim();

function undocumentedMembers(owner: string, fields: readonly (FieldDefinitionNode | InputValueDefinitionNode)[]): string[] {
  return fields.flatMap((field) => [
    ...(described(field) ? [] : [`${owner}.${field.name.value}`]),
    ...('arguments' in field ? (field.arguments ?? []) : [])
      .filter((arg) => !described(arg)).map((arg) => `${owner}.${field.name.value}(${arg.name.value})`),
  ]);
}

function undocumentedIn(definition: DefinitionNode): string[] {
  switch (definition.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION: {
      const name = definition.name.value;
      return [...(described(definition) ? [] : [name]), ...undocumentedMembers(name, definition.fields ?? [])];
    }
    case Kind.ENUM_TYPE_DEFINITION: {
      const name = definition.name.value;
      return [
        ...(described(definition) ? [] : [name]),
        ...(definition.values ?? []).filter((value) => !described(value)).map((value) => `${name}.${value.name.value}`),
      ];
    }
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.SCALAR_TYPE_DEFINITION:
      return described(definition) ? [] : [definition.name.value];
    default:
      return []; // `extend schema @link(...)` and directive definitions are not part of the API's vocabulary.
  }
}

/**
 * Every type, field, argument, input field and enum value of an SDL document that has no description,
 * as `Type`, `Type.field`, `Type.field(argument)` or `Enum.VALUE`. Read from the printed SDL, so it
 * checks what readers (and a federation router) actually get.
 */
export function undocumentedInSdl(sdl: string): string[] {
  return parse(sdl).definitions.flatMap(undocumentedIn);
}
