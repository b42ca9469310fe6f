import type Parser from 'tree-sitter';

export interface NodeKind {
  readonly name: string;
  readonly named: boolean;
  /** `&&`, `||`, `??`: operator tokens that add a decision point. */
  readonly decision: boolean;
}

const DECISION_OPERATORS = new Set(['&&', '||', '??']);

/**
 * Caches node-kind and field names by numeric id: reading `nodeType` or
 * `currentFieldName` allocates a JS string per call, the numeric ids do not.
 * Ids are per grammar, so one cache serves every tree of a parser.
 */
export class NodeKinds {
  private readonly kinds: (NodeKind | undefined)[] = [];
  private readonly fields: (string | undefined)[] = [];

  current(cursor: Parser.TreeCursor): NodeKind {
    const id = cursor.nodeTypeId;
    return this.kinds[id] ?? this.learnKind(cursor, id);
  }

  /** Field name of the cursor's node in its parent, '' when it has none. */
  field(cursor: Parser.TreeCursor): string {
    // The binding returns undefined (typed as number) for "no field".
    const id = cursor.currentFieldId as number | undefined;
    if (!id) return '';
    let name = this.fields[id];
    if (name === undefined) {
      name = cursor.currentFieldName ?? '';
      this.fields[id] = name;
    }
    return name;
  }

  private learnKind(cursor: Parser.TreeCursor, id: number): NodeKind {
    const name = cursor.nodeType;
    const named = cursor.nodeIsNamed;
    const kind: NodeKind = { name, named, decision: !named && DECISION_OPERATORS.has(name) };
    this.kinds[id] = kind;
    return kind;
  }
}
