/** LINQ expression shapes rendered back as C#, for predicate texts in messages. */
import type { CSharpLinqExpression } from '../../core/facts.js';

export function renderLinq(expression: CSharpLinqExpression): string {
  switch (expression.kind) {
    case 'member':
      return expression.path.join('.');
    case 'string':
      return JSON.stringify(expression.text);
    case 'literal':
      return expression.text;
    case 'binary':
      return `${operand(expression.left)} ${expression.op} ${operand(expression.right)}`;
    case 'not':
      return `!${operand(expression.operand)}`;
    case 'call': {
      const args = expression.arguments.map(renderLinq).join(', ');
      if (expression.target === undefined) return `${expression.method}(${args})`;
      return `${operand(expression.target)}.${expression.method}(${args})`;
    }
    case 'lambda': {
      const parameters =
        expression.parameters.length === 1 ? expression.parameters[0] : `(${expression.parameters.join(', ')})`;
      return `${parameters} => ${expression.body ? renderLinq(expression.body) : '{ … }'}`;
    }
    default:
      return '…';
  }
}

function operand(expression: CSharpLinqExpression): string {
  const text = renderLinq(expression);
  return expression.kind === 'binary' || expression.kind === 'lambda' ? `(${text})` : text;
}
