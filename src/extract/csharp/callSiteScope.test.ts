import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf as facts, shape, sitesIn } from './testing.js';

beforeAll(loadParser);

describe('call sites: ownership and order', () => {
  it('gives lambdas and local functions to their enclosing member, field initializers to the field', () => {
    const file = facts(`
class Jobs {
  private readonly Task _warmup = Task.Run(() => Log("warming up"));
  public string Name { get { return Format("name"); } }
  void Run() {
    items.ForEach(x => Send("item"));
    void Local() { Send("local"); }
  }
  class Nested { Nested() { Send("nested"); } }
}
Send("top level");`);
    expect(file.callSites.map((s) => [s.strings[0]?.value.text, s.ownerType, s.ownerMember])).toEqual([
      ['warming up', 'Jobs', '_warmup'],
      ['name', 'Jobs', 'Name'],
      ['item', 'Jobs', 'Run'],
      ['local', 'Jobs', 'Run'],
      ['nested', 'Jobs.Nested', 'Nested'],
      ['top level', undefined, undefined],
    ]);
  });

  it('counts columns in UTF-16 code units, as editors do', () => {
    const [, site] = sitesIn('    Log("é😀"); Run("x");');
    expect(site).toMatchObject({ method: 'Run', line: 4, column: 17 });
    expect(site?.strings[0]?.value).toMatchObject({ line: 4, column: 21 });
  });

  it('lists nested calls in source order', () => {
    const sites = sitesIn('    Outer("a", Inner("b").Then("c"));');
    expect(sites.map((s) => s.method)).toEqual(['Outer', 'Inner', 'Then']);
    expect(sites.map((s) => s.receiver)).toEqual([undefined, undefined, 'Inner()']);
  });
});

describe('call sites: silence', () => {
  it('skips calls whose arguments are only numbers, lambdas or objects', () => {
    expect(sitesIn('    Add(1, 2.5); Where(x => x.Id == 1); Save(new Order()); Clear();')).toEqual([]);
  });

  it('skips identifier-only calls unless the method is an interesting sink', () => {
    const sites = sitesIn(
      '    Process(order, customer); _log.Info(message); conn.Query(sql); _http.GetStringAsync(url);',
    );
    expect(sites.map((s) => s.method)).toEqual(['Query', 'GetStringAsync']);
  });

  it('does not treat attribute arguments as call sites', () => {
    const file = facts('[Route("api/x")] class C { [HttpGet("{id}")] void M() { } }');
    expect(file.callSites).toEqual([]);
  });

  it('does not treat nameof as a string or a call', () => {
    expect(sitesIn('    Guard(nameof(id)); Check(nameof(Repo.M), 1);')).toEqual([]);
    const [site] = sitesIn('    Throw(nameof(id), "must be positive");');
    expect(shape(site)).toMatchObject({
      method: 'Throw',
      strings: [{ index: 1, text: 'must be positive' }],
      identifiers: [],
    });
  });

  it('does not record strings that are not arguments', () => {
    expect(sitesIn('    if (name == "x") { return; } var y = "z";')).toEqual([]);
  });
});
