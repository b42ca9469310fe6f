/**
 * Two small EF estates written for the LINQ reader's tests: an EF Core shop
 * (fluent `IEntityTypeConfiguration<T>`, an owned type, a repository holding
 * its context, a generic repository) and an EF6 catalogue (code-first
 * `DbContext`, `[Table]`/`[Column]`, `Entity<T>().ToTable`). Each query is
 * asserted next to where it is used.
 */

export const EF_CORE_MODEL = `using Microsoft.EntityFrameworkCore;
namespace Shop.Data
{
    public class ShopContext : DbContext
    {
        public const string Schema = "sales";
        public DbSet<Product> Products { get; set; }
        public DbSet<Brand> Brands { get; set; }
        public DbSet<Order> Orders { get; set; }
        public DbSet<OrderLine> OrderLines { get; set; }
        public DbSet<Customer> Customers { get; set; }
        public DbSet<Tag> Tags { get; set; }

        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<Customer>(ConfigureCustomer);
        }

        void ConfigureCustomer(EntityTypeBuilder<Customer> builder)
        {
            builder.ToTable("Customer");
            builder.HasIndex(c => c.Email).IsUnique();
        }
    }

    public class ProductConfiguration : IEntityTypeConfiguration<Product>
    {
        public void Configure(EntityTypeBuilder<Product> builder)
        {
            builder.ToTable("Product");
            builder.HasKey(p => p.Id);
            builder.HasIndex(p => p.BrandId);
            builder.Property(p => p.Name).HasColumnName("product_name");
        }
    }

    public class BrandConfiguration : IEntityTypeConfiguration<Brand>
    {
        public void Configure(EntityTypeBuilder<Brand> builder) => builder.ToTable(nameof(Brand));
    }

    public class OrderConfiguration : IEntityTypeConfiguration<Order>
    {
        public void Configure(EntityTypeBuilder<Order> builder)
        {
            builder.ToTable("Orders", ShopContext.Schema);
            builder.HasKey(o => o.Id);
            builder.HasIndex(o => new { o.CustomerId, o.Placed });
            builder.OwnsOne(o => o.ShipTo);
        }
    }
}`;

export const EF_CORE_ENTITIES = `namespace Shop.Data
{
    public class Product
    {
        public int Id { get; set; }
        public string Name { get; set; }
        public string Sku { get; set; }
        public decimal Price { get; set; }
        public DateTime Created { get; set; }
        public int BrandId { get; set; }
        public Brand Brand { get; set; }
        public ICollection<Tag> Tags { get; set; }
    }
    public class Tag
    {
        public int Id { get; set; }
        public ICollection<Product> Products { get; set; }
    }
    public class Brand
    {
        public int Id { get; set; }
        public string Title { get; set; }
    }
    public class Customer
    {
        public int Id { get; set; }
        public string Email { get; set; }
    }
    public class Address
    {
        public string Street { get; set; }
        public string City { get; set; }
    }
    public class Order
    {
        public int Id { get; set; }
        public int CustomerId { get; set; }
        public Customer Customer { get; set; }
        public DateTime Placed { get; set; }
        public int Status { get; set; }
        public Address ShipTo { get; set; }
        public ICollection<OrderLine> Lines { get; set; }
    }
    public class OrderLine
    {
        public int Id { get; set; }
        public int OrderId { get; set; }
        public int Quantity { get; set; }
    }
}`;

/** One query per line, each a member of the repository; line numbers are asserted. */
export const EF_CORE_REPOSITORY = `namespace Shop.Data
{
    public class ProductRepository
    {
        private readonly ShopContext _context;
        public Task<List<Product>> ByBrand(int brandId) => _context.Products.Where(p => p.BrandId == brandId).OrderBy(p => p.Name).ToListAsync();
        public Task<Product> BySku(string sku) => _context.Products.FirstOrDefaultAsync(p => p.Sku == sku);
        public List<Product> Search(string term) => _context.Products.Where(p => p.Name.Contains(term)).ToList();
        public List<Order> ForCustomer(string email) => _context.Orders.Include(o => o.Lines).Where(o => o.Customer.Email == email).ToList();
        public List<Order> ShippedTo(string city) => _context.Orders.Where(o => o.ShipTo.City == city).ToList();
        public Product One(int id) => _context.Products.Find(id);
        public List<Product> OfBrand(string title) => (from p in _context.Products join b in _context.Brands on p.BrandId equals b.Id where b.Title == title select p).ToList();
        public int MadeIn(int year) => _context.Products.Count(p => p.Created.Year == year);
        public List<Product> Several(List<int> ids) => _context.Products.Where(p => ids.Contains(p.Id)).ToList();
        public List<Order> Recent(int customerId, DateTime since) => _context.Orders.Where(o => o.CustomerId == customerId && o.Placed >= since).ToList();
        public List<Order> Open(int? status)
        {
            var query = _context.Orders.AsQueryable();
            if (status != null) query = query.Where(o => o.Status == status);
            return query.OrderByDescending(o => o.Placed).ToList();
        }
        public Task<List<Product>> Filtered(int brandId, decimal? max)
        {
            var root = (IQueryable<Product>)_context.Products;
            root = root.Where(p => p.BrandId == brandId);
            if (max.HasValue) root = root.Where(p => p.Price <= max);
            return root.Take(20).ToListAsync();
        }
        public List<Product> Tagged() => _context.Products.Include(p => p.Tags).ToList();
        public Order WithAddress(int id) => _context.Orders.Include(o => o.ShipTo).First(o => o.Id == id);
        public Task<int> Purge(string sku) => _context.Products.Where(p => p.Sku == sku).ExecuteDeleteAsync();
        public List<Order> WithBigLines() => _context.Orders.Where(o => o.Lines.Any(l => l.Quantity > 10)).ToList();
    }

    public class Repository<TEntity> where TEntity : class
    {
        private readonly DbSet<TEntity> _set;
        public TEntity First(Expression<Func<TEntity, bool>> filter) => _set.Where(filter).FirstOrDefault();
    }
}`;

/** Reads that pull rows into memory, for the client-side analyzer; and one that is fine. */
export const EF_CORE_REPORTS = `namespace Shop.Reports
{
    public class SalesReport
    {
        private readonly ShopContext _context;
        public List<Product> Expensive() => _context.Products.ToList().Where(p => p.Price > 100).ToList();
        public int OpenOrders()
        {
            var all = _context.Orders.ToList();
            return all.Count(o => o.Status == 1);
        }
        public int BrandCount() => _context.Brands.AsEnumerable().Count();
        public List<string> Emails(List<Order> orders)
        {
            var emails = new List<string>();
            foreach (var order in orders)
            {
                var customer = _context.Customers.First(c => c.Id == order.CustomerId);
                emails.Add(customer.Email);
            }
            return emails;
        }
        public void LoadLines(List<Order> orders)
        {
            foreach (var order in orders) _context.Entry(order).Collection(o => o.Lines).Load();
        }
        public List<Product> Cheap() => _context.Products.Where(p => p.Price < 10).ToList().Where(p => p.Name != null).ToList();
        public string BrandTitle(int id)
        {
            var byId = _context.Brands.ToDictionary(b => b.Id);
            return byId.Values.First(b => b.Id == id).Title;
        }
    }
}`;

/** A test with an in-memory list of the same entities: no database query. */
export const EF_CORE_TEST = `namespace Shop.Tests
{
    public class ProductTests
    {
        private List<Product> Products = new List<Product>();
        public void FindsBySku()
        {
            var products = new List<Product> { new Product { Sku = "a" } };
            var found = products.Where(p => p.Sku == "a").ToList();
            var again = Products.FirstOrDefault(p => p.Sku == "a");
            Product[] array = products.ToArray();
            var third = array.Where(p => p.Price > 1).Count();
        }
    }
}`;

export const EF6_CONTEXT = `using System.ComponentModel.DataAnnotations.Schema;
using System.Data.Entity;
namespace Catalog.Models
{
    public class CatalogDb : DbContext
    {
        public DbSet<CatalogItem> CatalogItems { get; set; }
        public DbSet<CatalogBrand> CatalogBrands { get; set; }
        protected override void OnModelCreating(DbModelBuilder modelBuilder)
        {
            modelBuilder.Entity<CatalogItem>().ToTable("CatalogItem");
            modelBuilder.Entity<CatalogItem>().HasKey(c => c.Id);
        }
    }

    [Table("Brands")]
    public class CatalogBrand
    {
        public int Id { get; set; }
        public string Brand { get; set; }
    }

    public class CatalogItem
    {
        public int Id { get; set; }
        [Column("item_name")]
        public string Name { get; set; }
        public int CatalogBrandId { get; set; }
        public virtual CatalogBrand CatalogBrand { get; set; }
        [NotMapped]
        public string PictureUri { get; set; }
    }
}`;

export const EF6_SERVICE = `namespace Catalog.Services
{
    public class CatalogService
    {
        private CatalogDb db = new CatalogDb();
        public CatalogItem Item(int id) => db.CatalogItems.Include(c => c.CatalogBrand).FirstOrDefault(ci => ci.Id == id);
        public List<CatalogItem> Named(string prefix) => db.CatalogItems.Where(c => c.Name.StartsWith(prefix)).ToList();
        public List<CatalogItem> Page(int skip) => db.CatalogItems.OrderBy(c => c.Name).Skip(skip).Take(10).ToList();
        public List<CatalogBrand> Brands(string name) => db.Set<CatalogBrand>().Where(b => b.Brand == name).ToList();
        public List<CatalogItem> ByBrand(int brandId) => db.CatalogItems.Where(c => c.CatalogBrandId == brandId).ToList();
        public List<CatalogItem> Pictures() => db.CatalogItems.Where(c => c.PictureUri != null).ToList();
    }
}`;

/** Collections named like the context's sets, on a loaded object or an entity's own property: no database query. */
export const EF_CORE_DOMAIN = `namespace Shop.Domain
{
    public class Basket
    {
        public List<OrderLine> OrderLines { get; set; }
        public int Total() => OrderLines.Where(l => l.Quantity > 0).Count();
    }
    public class BasketMapper
    {
        public List<int> Quantities(Basket basket) => basket.OrderLines.Where(l => l.Quantity > 1).Select(l => l.Quantity).ToList();
        public int Open(List<Basket> baskets)
        {
            var open = 0;
            foreach (var basket in baskets) open += basket.OrderLines.Count(l => l.Quantity > 0);
            foreach (var (basket, _) in baskets.Select(b => (b, 1))) open += basket.OrderLines.Count();
            return open + baskets.Sum(b => b.OrderLines.Count(l => l.Quantity > 1));
        }
    }
}`;
