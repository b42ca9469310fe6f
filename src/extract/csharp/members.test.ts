import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, factsOf, typeNamed } from './testing.js';

beforeAll(loadParser);

describe('members', () => {
  it('lists methods, constructors, properties, fields per declarator, events, indexers and operators', () => {
    const file = facts(`
class Account {
  public const int Max = 10;
  private int _a, _b;
  public event EventHandler Changed, Closed;
  public event EventHandler<Args> Custom { add { } remove { } }
  public Account() { }
  ~Account() { }
  public string Name { get; set; }
  public decimal Balance => 0m;
  public int this[int i] => i;
  public T Get<T>() => default;
  void IDisposable.Dispose() { }
  public static Account operator +(Account a, Account b) => a;
  public static implicit operator decimal(Account a) => 0m;
}`);
    expect(file.types[0]?.members.map((m) => `${m.kind}:${m.name}`)).toEqual([
      'field:Max',
      'field:_a',
      'field:_b',
      'event:Changed',
      'event:Closed',
      'event:Custom',
      'constructor:Account',
      'property:Name',
      'property:Balance',
      'property:this[]',
      'method:Get',
      'method:Dispose',
      'method:operator +',
      'method:implicit operator',
    ]);
  });

  it('keeps member attributes with their literal arguments', () => {
    const file = facts(`
public class Api {
  [HttpGet("{id}"), Obsolete(@"use ""v2""", true)]
  [Route(Name = "get-one", Order = 1 + 1)]
  [ProducesResponseType(typeof(Invoice), StatusCodes.Status200OK)]
  public object Get(int id) => null;
  [JsonProperty("name")] public string Name;
  [Display(Name: "Raw", Description = """raw "quoted" text""")] public int Raw { get; }
}`);
    const [get, name, raw] = file.types[0]?.members ?? [];
    expect(get?.attributes).toEqual([
      { name: 'HttpGet', args: ['{id}'], line: 3 },
      { name: 'Obsolete', args: ['use "v2"', 'true'], line: 3 },
      { name: 'Route', args: ['Name=get-one', 'Order=1 + 1'], line: 4 },
      { name: 'ProducesResponseType', args: ['typeof(Invoice)', 'StatusCodes.Status200OK'], line: 5 },
    ]);
    expect(name?.attributes).toEqual([{ name: 'JsonProperty', args: ['name'], line: 7 }]);
    expect(raw?.attributes).toEqual([
      { name: 'Display', args: ['Name=Raw', 'Description=raw "quoted" text'], line: 8 },
    ]);
  });
});

describe('legacy ASP.NET MVC controller', () => {
  const controller = `using System.Web.Http;
using Harbor.Billing;

namespace Harbor.Web.Controllers
{
    [RoutePrefix("api/invoices")]
    [Authorize]
    public class InvoicesController : ApiController
    {
        private readonly IInvoiceService _invoices;

        public InvoicesController(IInvoiceService invoices)
        {
            _invoices = invoices;
        }

        [HttpGet("{id}")]
        public IHttpActionResult Get(int id)
        {
            var invoice = _invoices.Find(id);
            if (invoice == null)
            {
                return NotFound();
            }
            return Ok(invoice);
        }

        [HttpPost]
        [Route("")]
        [AuthorizeAttribute(Roles = "Billing")]
        public IHttpActionResult Create([FromBody] InvoiceDto dto)
        {
            return Ok(InvoiceMapper.ToEntity(dto));
        }
    }
}
`;

  it('extracts routes, attributes, members and references', () => {
    const file = facts(controller);
    const type = typeNamed(file, 'Harbor.Web.Controllers.InvoicesController');
    expect(type.attributes).toEqual([
      { name: 'RoutePrefix', args: ['api/invoices'], line: 6 },
      { name: 'Authorize', args: [], line: 7 },
    ]);
    expect(type.bases).toEqual(['ApiController']);
    expect(type.line).toBe(6);
    expect(type.endLine).toBe(35);
    const members = Object.fromEntries(type.members.map((m) => [m.name, m]));
    expect(Object.keys(members)).toEqual(['_invoices', 'InvoicesController', 'Get', 'Create']);
    expect(members.Get?.attributes).toEqual([{ name: 'HttpGet', args: ['{id}'], line: 17 }]);
    expect(members.Create?.attributes.map((a) => `${a.name}(${a.args.join(',')})`)).toEqual([
      'HttpPost()',
      'Route()',
      'Authorize(Roles=Billing)',
    ]);
    const names = type.references.map((r) => r.name).sort();
    expect(names).toEqual(
      [
        'ApiController',
        'Authorize',
        'FromBody',
        'HttpGet',
        'HttpPost',
        'IHttpActionResult',
        'IInvoiceService',
        'InvoiceDto',
        'InvoiceMapper',
        'Route',
        'RoutePrefix',
      ].sort(),
    );
    expect(type.references.find((r) => r.name === 'Authorize')).toEqual({ name: 'Authorize', count: 2, line: 7 });
    expect(type.complexity).toBe(2);
  });

  it('keeps member modifiers, and none where C# defaults to private', () => {
    const type = typeNamed(
      facts(
        'class HomeController : Controller { public ActionResult Index() { return View(); } ActionResult Helper() { return null; } protected internal static int Count; }',
      ),
      'HomeController',
    );
    expect(type.members.map((m) => [m.name, m.modifiers])).toEqual([
      ['Index', ['public']],
      ['Helper', undefined],
      ['Count', ['protected', 'internal', 'static']],
    ]);
  });
});

function facts(text: string) {
  return factsOf(text, { allowWarnings: true });
}
