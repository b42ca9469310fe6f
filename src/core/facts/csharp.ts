/** Facts of one C# source file (see ../facts.ts for the contract all facts follow). */

import type { Position } from '../facts.js';

/** A `using` directive of a C# file. */
export interface CSharpUsing {
  /** The namespace or type named, dotted, without `global::`. */
  target: string;
  /** `using Alias = Target;` */
  alias?: string;
  /** `using static Target;` */
  isStatic: boolean;
  /** `global using …;` — applies to every file of the project. */
  isGlobal: boolean;
  line: number;
}

export type CSharpTypeKind = 'class' | 'interface' | 'struct' | 'record' | 'record struct' | 'enum' | 'delegate';

/** One referenced type name as written in the source, generic arguments stripped. */
export interface CSharpTypeReference {
  /** Simple (`Invoice`) or qualified (`Models.Invoice`) name; never a predefined type. */
  name: string;
  /** Number of occurrences inside the referencing type. */
  count: number;
  /** Line of the first occurrence. */
  line: number;
  /**
   * Set when every occurrence is the left side of a member access (`Foo.Bar()`),
   * which may be a variable rather than a type: kept only if it resolves to a type.
   */
  candidate?: boolean;
}

export interface CSharpAttributeUse {
  /** Attribute name as written, without a trailing `Attribute`. */
  name: string;
  /** Literal argument texts (string literals unquoted), positional then named `name=value`. */
  args: string[];
  /**
   * The arguments as expressions, for the EF schema attributes listed in
   * `src/extract/csharp/schemaSyntax.ts` (`[Table]`, `[Index]`, `[PrimaryKey]`)
   * only: `args` cannot tell `"Email"` from a constant named `Email`.
   * Absent for other attributes and for attributes written without arguments.
   */
  arguments?: CSharpArgument[];
  line: number;
}

/** A generic type as written: `DbSet<Models.User>` → `DbSet` of `Models.User`. */
export interface CSharpGenericType {
  /** Dotted name without its type arguments. */
  name: string;
  /** Type arguments as written, whitespace removed. */
  arguments: string[];
}

/**
 * An expression reduced to what schema readers look at (EF migrations and
 * model configuration): literals, names, `nameof`, arrays, anonymous objects,
 * lambdas and call chains; anything else is `other`.
 */
export type CSharpExpression =
  /** A regular, verbatim or raw string literal, decoded. */
  | { kind: 'string'; text: string }
  /** `true`, `2`, `null`, `'c'`, as written. */
  | { kind: 'literal'; text: string }
  /** An identifier or a member access of names: `Email`, `x.Email`, `Tables.Users`. */
  | { kind: 'name'; text: string }
  /** `nameof(User.Email)`: the argument as written, `User.Email`. */
  | { kind: 'nameof'; text: string }
  /** `new[] { … }`, `new string[] { … }`, `[ … ]`. */
  | { kind: 'array'; items: CSharpExpression[] }
  /** `new { Id = …, x.Email }`: `name` is set for `Id = …`, absent for a projected `x.Email`. */
  | { kind: 'object'; members: { name?: string; value: CSharpExpression }[] }
  /**
   * `x => x.Email`, `(a, b) => …`, `t => { t.PrimaryKey(…); }`: an expression
   * body, or the expression statements of a block body.
   */
  | { kind: 'lambda'; parameters: string[]; body?: CSharpExpression; statements?: CSharpExpression[] }
  /** Calls and member accesses in a row: `table.Column<int>(nullable: false)`, `a.B().C`. */
  | { kind: 'chain'; links: CSharpChainLink[] }
  | { kind: 'other' };

/** One argument: `name: value` (or `Name = value` in an attribute) keeps its name. */
export interface CSharpArgument {
  name?: string;
  value: CSharpExpression;
}

/**
 * One step of a chain after its receiver: a call (`arguments` set, possibly
 * empty) or a member access (`arguments` absent). What the first step is made
 * on (`migrationBuilder`, `this`, `table`) is left out.
 */
export interface CSharpChainLink {
  /** Member name without type arguments: `Column` for `Column<int>`. */
  name: string;
  /** `Column<int>` → `['int']`, as written, whitespace removed. */
  typeArguments?: string[];
  arguments?: CSharpArgument[];
  /** Line of the member name. */
  line: number;
}

/**
 * A whole call chain through one of the methods listed in
 * `src/extract/csharp/schemaSyntax.ts`: the EF migration operations
 * (`migrationBuilder.CreateTable(…)`, EF6 `CreateTable(…).PrimaryKey(…)`)
 * and the model configuration calls made on an entity builder
 * (`modelBuilder.Entity<User>().HasIndex(u => u.Email).IsUnique()`, or any
 * `HasKey`/`HasIndex`/`ToTable` chain in a file that implements
 * `IEntityTypeConfiguration<T>`).
 */
export interface CSharpCallChain {
  links: CSharpChainLink[];
  /** The chain is (a statement of) the body of a lambda passed to this method: `Map(m => m.ToTable("UserRoles"))`. */
  inLambdaOf?: string;
  /** The entity configured, when the chain starts on a parameter declared `EntityTypeBuilder<T>` / `EntityTypeConfiguration<T>`. */
  configures?: string;
}

export interface CSharpMemberFacts {
  name: string;
  kind: 'method' | 'constructor' | 'property' | 'field' | 'event';
  line: number;
  attributes: CSharpAttributeUse[];
  /** `public`, `static`, `override`, … as written; absent when there are none (C#'s default: private). */
  modifiers?: string[];
  /**
   * The declared type of a property whose type is one of the generic types
   * listed in `src/extract/csharp/schemaSyntax.ts` (`DbSet<T>`); absent otherwise.
   */
  genericType?: CSharpGenericType;
}

export interface CSharpTypeFacts {
  /** Simple name, generic parameters stripped (`Repository` for `Repository<T>`). */
  name: string;
  /** Namespace-qualified name with enclosing types: `Harbor.Billing.Invoice.Line`. */
  fullName: string;
  /** Declaring namespace, '' for the global namespace. */
  namespace: string;
  kind: CSharpTypeKind;
  modifiers: string[];
  /** Base class and interfaces as written (generic arguments stripped). */
  bases: string[];
  /**
   * The generic bases with their type arguments (`IEntityTypeConfiguration<User>`,
   * `Repository<User, Guid>`); absent when none.
   */
  genericBases?: CSharpGenericType[];
  /** `class Repository<T, TId>` → `['T', 'TId']`; absent for a non-generic type. */
  typeParameters?: string[];
  attributes: CSharpAttributeUse[];
  members: CSharpMemberFacts[];
  /** Types referenced from this type's own body (nested types report their own). */
  references: CSharpTypeReference[];
  line: number;
  endLine: number;
  /** Non-blank, non-comment lines inside the declaration. */
  loc: number;
  /** 1 + decision points (if, loops, case, catch, ?:, &&, ||, ??, switch arms). */
  complexity: number;
}

/**
 * A string value as the code builds it: literals are kept whole; an interpolated
 * string or a concatenation with non-literal parts is `dynamic`, with each hole
 * written `{…}` (e.g. `SELECT * FROM Users WHERE Id = {…}`).
 * Escapes are decoded (`\n`, `""` in verbatim, `{{` in interpolated), raw
 * strings lose their closing-line indentation, line breaks are `\n` whatever
 * the file uses. `line`/`column` (1-based, UTF-16 code units) are where the
 * expression starts (inside any parentheses).
 */
export interface CSharpStringValue {
  text: string;
  /** `type-name`: a member initialised with `typeof(T).Name`, its text a hole and `holes` `['typeof(T).Name']`. */
  form: 'regular' | 'verbatim' | 'raw' | 'interpolated' | 'concatenation' | 'type-name';
  dynamic: boolean;
  /**
   * What each hole of `text` is, in order, when some hole is a name a later
   * pass may resolve (`Schema`, `this.Table`, `Tables.User`, `nameof(User)`,
   * `typeof(T).Name`); '' for any other expression. Absent when no hole is.
   */
  holes?: string[];
  line: number;
  column: number;
}

/** An argument that names a string-valued variable, constant or field instead of a literal. */
export interface CSharpNamedValueArgument {
  index: number;
  /** Named argument (`sql: q`) when written so. */
  parameter?: string;
  /** The identifier or member chain passed (`sql`, `Queries.ByUser`, `_sql`). */
  identifier: string;
}

/**
 * A call or object creation with string arguments — where SQL (Dapper `Query`,
 * `new SqlCommand`), routes (`MapRoute`) and HTTP calls (`GetAsync`) live.
 * Recorded when an argument is a string; when the arguments are only
 * identifiers, only for the sink methods listed in
 * `src/extract/csharp/interestingSinks.ts` (`Query*`, `Execute*`, `Get*Async`, …).
 * A plain `=` to a member named like a sink (`cmd.CommandText = sql`,
 * `CommandText = "…"` in an object initializer) is recorded as a call of its
 * setter: method `CommandText`, receiver `cmd`, the value as argument 0.
 * Attribute arguments and `nameof(…)` are not calls.
 */
export interface CSharpCallSite {
  /**
   * Method name as written, generic arguments stripped: `QueryAsync`. For
   * `new T(…)` the type's simple name (`SqlCommand` for
   * `new System.Data.SqlClient.SqlCommand(…)`); for a constructor initializer
   * `: base(…)` / `: this(…)`, `base` / `this`.
   */
  method: string;
  /**
   * Receiver chain as written, if any: `connection`, `_db.Database`, `routes`,
   * `this.` dropped, whitespace removed, generic arguments kept; a call result
   * as its callee plus `()` (`GetConnection()`, `context.Set<User>()`,
   * `new SqlConnection()`). Absent for `new T(…)`, bare calls, `this.M(…)` and
   * receivers that are long or span lines.
   */
  receiver?: string;
  isConstructor: boolean;
  /** Literal/interpolated/concatenated string arguments, in argument order. */
  strings: { index: number; parameter?: string; value: CSharpStringValue }[];
  /** Identifier arguments, which may name a string declared elsewhere (see `stringDeclarations`). */
  identifiers: CSharpNamedValueArgument[];
  /** Full name of the enclosing type, if any; and the enclosing member's name. */
  ownerType?: string;
  ownerMember?: string;
  /** Position of the method or type name (1-based, UTF-16 code units). */
  line: number;
  column: number;
}

/** `x.CommandText = "…"`, `CommandText = "…"` in an initializer, `var sql = "…"`, `const string Q = "…"`. */
export interface CSharpStringDeclaration {
  /** Variable, constant, field or assigned member chain: `sql`, `Queries.ByUser`, `cmd.CommandText`. */
  name: string;
  kind: 'local' | 'const' | 'field' | 'property' | 'assignment';
  value: CSharpStringValue;
  /** `sql += "…"`: `value` is appended to what `name` held (an `assignment`). */
  appended?: true;
  ownerType?: string;
  ownerMember?: string;
}

export interface CSharpFileFacts {
  kind: 'csharp';
  loc: number;
  complexity: number;
  usings: CSharpUsing[];
  /** Namespaces declared in the file (block and file-scoped), in order. */
  namespaces: string[];
  types: CSharpTypeFacts[];
  /** References outside any type (top-level statements, assembly attributes). */
  fileReferences: CSharpTypeReference[];
  /** Calls with string arguments, in source order. */
  callSites: CSharpCallSite[];
  /** String-valued declarations and assignments, in source order. */
  stringDeclarations: CSharpStringDeclaration[];
  /** EF schema call chains (see `CSharpCallChain`), in source order; absent when there are none. */
  callChains?: CSharpCallChain[];
  /** What URL-taking calls are built from (see `CSharpUrlFacts`); absent when the file has none. */
  urls?: CSharpUrlFacts;
  /** LINQ operator chains and the collections they may run on (see `CSharpLinqFacts`); absent when the file has none. */
  linq?: CSharpLinqFacts;
  /** Positions of ERROR/MISSING nodes, at most the first 20. */
  syntaxErrors: Position[];
  syntaxErrorCount: number;
}

/**
 * A string-building expression as URL reconstruction needs it: literal parts,
 * names (`baseUri`, `_settings.Value.PurchaseUrl`, `this.` dropped) and calls
 * with their arguments (`API.Basket.GetBasket(_url, id)`); an interpolated
 * string or a `+` chain is a `join` of its parts, a `?:` a `choice` of its
 * branches. Anything else is `other`.
 */
export type CSharpValueShape =
  | { kind: 'text'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'call'; callee: string; arguments: CSharpValueShape[] }
  | { kind: 'join'; parts: CSharpValueShape[] }
  /** `paged ? a : b`: either branch. */
  | { kind: 'choice'; options: CSharpValueShape[] }
  | { kind: 'other' };

/** `static string GetBasket(string baseUri, string id) => $"{baseUri}/{id}";` — one returned expression. */
export interface CSharpStringMethod {
  name: string;
  parameters: string[];
  returns: CSharpValueShape;
  ownerType?: string;
  line: number;
}

/** `var uri = API.Order.GetOrder(_base, id);`, `_base = $"{settings.Value.Url}/o/api";`: a value an URL argument names. */
export interface CSharpValueAssignment {
  /** The variable, field or member chain assigned, `this.` dropped. */
  name: string;
  value: CSharpValueShape;
  ownerType?: string;
  ownerMember?: string;
  line: number;
}

/** A call on a variable, field or parameter declared with a type named `…Client` (`_basketClient.GetBasketByIdAsync(…)`). */
export interface CSharpClientCall {
  /** The declared type as written, generic arguments stripped: `Basket.BasketClient`. */
  clientType: string;
  method: string;
  ownerType?: string;
  ownerMember?: string;
  line: number;
  column: number;
}

/**
 * Facts for reconstructing called URLs across files, recorded only where they
 * serve: arguments of the URL-taking calls, the local and field values those
 * arguments name (transitively, within the file), and static methods that
 * return one string expression (URL helpers, resolved in the graph stage).
 */
export interface CSharpUrlFacts {
  /** Shapes of the non-literal arguments of URL-taking calls, keyed by the call's position. */
  arguments: { line: number; column: number; index: number; value: CSharpValueShape }[];
  values: CSharpValueAssignment[];
  stringMethods: CSharpStringMethod[];
  clientCalls: CSharpClientCall[];
}

/**
 * A lambda or query-clause expression as the LINQ reader needs it: member
 * paths (`c.Brand.Name`, `brandId`, `this.` dropped), literals, comparisons
 * and `&&`/`||`, `!`, and calls (`ids.Contains(c.Id)`, `c.Name.StartsWith("a")`).
 * Anything else is `other`.
 */
export type CSharpLinqExpression =
  | { kind: 'member'; path: string[] }
  /** A string literal, decoded. */
  | { kind: 'string'; text: string }
  /** `true`, `2`, `null`, `'c'`, as written. */
  | { kind: 'literal'; text: string }
  /** `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`; other operators are `other`. */
  | { kind: 'binary'; op: string; left: CSharpLinqExpression; right: CSharpLinqExpression }
  | { kind: 'not'; operand: CSharpLinqExpression }
  /** `target.method(arguments)`; `target` absent for a bare call. */
  | { kind: 'call'; method: string; target?: CSharpLinqExpression; arguments: CSharpLinqExpression[] }
  | { kind: 'lambda'; parameters: string[]; body?: CSharpLinqExpression }
  | { kind: 'other' };

/** One step of a LINQ chain: a call (`arguments` set, possibly empty) or a member access (`arguments` absent). */
export interface CSharpLinqStep {
  name: string;
  /** `Set<Order>` → `['Order']`, as written, whitespace removed. */
  typeArguments?: string[];
  arguments?: CSharpLinqExpression[];
  line: number;
}

/**
 * A chain of calls through at least one LINQ operator (`Where`, `First`,
 * `OrderBy`, `Include`, `ToList`, … listed in `src/extract/csharp/linqChains.ts`),
 * or a query expression (`from c in db.Items where … select c`, read as the
 * same steps). Whether it runs on a database is decided across the estate,
 * from what its root names.
 */
export interface CSharpLinqChain {
  /** The identifier the first step is made on (`_context`, `db`, `orders`), `this`, or absent for anything else. */
  root?: string;
  steps: CSharpLinqStep[];
  /** The declared type of `root` (a local, parameter or field declared before the chain), as written, whitespace removed. */
  rootType?: string;
  /** `root` is the variable of an enclosing `foreach` or a parameter of an enclosing lambda: one element, not a context. */
  rootBound?: true;
  /** The expression as written, whitespace-normalised, capped. */
  text: string;
  /** `var items = <chain>`, `items = <chain>`, `foreach (var x in <chain>)`: the name it is stored in. */
  assignedTo?: string;
  /** The source of a `foreach`: `assignedTo` is the loop variable, which holds one element at a time. */
  iterated?: true;
  /** Inside the body of a loop of its member (`foreach`, `for`, `while`, `do`). */
  inLoop?: true;
  /** Written in query syntax. */
  querySyntax?: true;
  ownerType?: string;
  ownerMember?: string;
  line: number;
  column: number;
}

/**
 * A field, local or parameter declared with a collection type LINQ runs on:
 * `query` for `DbSet<T>`, `IDbSet<T>`, `IQueryable<T>`, `IOrderedQueryable<T>`;
 * `memory` for `List<T>`, `IList<T>`, `IEnumerable<T>`, `ICollection<T>`, …
 * (a mock or an in-memory cache is not a database query).
 */
export interface CSharpCollectionDeclaration {
  name: string;
  kind: 'query' | 'memory';
  /** The element type as written. */
  element: string;
  ownerType?: string;
  /** Absent for a field (or a primary-constructor parameter). */
  ownerMember?: string;
}

/** `public virtual CatalogBrand CatalogBrand { get; set; }`: a property of a class or generic type, for following navigations. */
export interface CSharpPropertyType {
  /** Full name of the declaring type. */
  ownerType: string;
  name: string;
  /** As written, whitespace and a trailing `?` removed: `CatalogBrand`, `ICollection<OrderItem>`. */
  type: string;
}

export interface CSharpLinqFacts {
  chains: CSharpLinqChain[];
  collections: CSharpCollectionDeclaration[];
  /** Absent when the file declares none. */
  properties?: CSharpPropertyType[];
}
