using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Benchmarks;

/// <summary>
/// The expression language's cost: compiled once, evaluated many times. The first benchmark is the one the issue
/// measures; the others cover paths, arithmetic, datetimes, lists, templates, and the one-off compile.
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private const string CartGold = "entry.cart.total > 100 && lower(entry.customer.tier) == 'gold'";

    private readonly EvaluationContext _context = new();
    private ExpressionScope _scope = ExpressionScope.Empty;
    private CompiledExpression _cartGold = null!;
    private CompiledExpression _arithmetic = null!;
    private CompiledExpression _dates = null!;
    private CompiledExpression _lists = null!;
    private CompiledTemplate _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scope = ExpressionScope.Empty.With(ExpressionRoot.Entry, Shape.FromFields(new Dictionary<string, FieldType>
        {
            ["customer.id"] = FieldType.String,
            ["customer.tier"] = FieldType.String,
            ["cart.total"] = FieldType.Number,
            ["occurredAt"] = FieldType.DateTime,
            ["tags"] = FieldType.Array,
        }));
        using var document = JsonDocument.Parse("""
            {"id":"e1","customer":{"id":"c1","email":"ann@example.com","tier":"Gold"},
             "cart":{"id":"k1","total":120.5},"occurredAt":"2026-03-10T08:30:00Z","tags":["new","vip"]}
            """);
        _context.Entry = document.RootElement.Clone();
        _context.Now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

        _cartGold = Compile(CartGold);
        _arithmetic = Compile("entry.cart.total * 0.9 + 5");
        _dates = Compile("entry.occurredAt + duration('PT1H') < now() && hour(now(), 'Europe/Paris') >= 9");
        _lists = Compile("entry.customer.tier in ['Gold', 'Silver'] && 'vip' in entry.tags");
        _template = CompiledTemplate.Compile("Hello {{entry.customer.id}}, you left {{entry.cart.total}} EUR", _scope, TemplateSyntax.DoubleBrace).Template!;
    }

    private CompiledExpression Compile(string text) =>
        ExpressionCompiler.Compile(text, _scope).Expression ?? throw new InvalidOperationException(text);

    [Benchmark(Baseline = true)]
    public bool CartTotalAndLowerTier() => _cartGold.Evaluate(_context).AsBoolean();

    [Benchmark]
    public double Arithmetic() => _arithmetic.Evaluate(_context).AsNumber();

    [Benchmark]
    public bool DatetimeWindowAndLocalHour() => _dates.Evaluate(_context).AsBoolean();

    [Benchmark]
    public bool InLists() => _lists.Evaluate(_context).AsBoolean();

    [Benchmark]
    public string RenderTemplate() => _template.Render(_context);

    [Benchmark]
    public CompileResult ParseAndCompile() => ExpressionCompiler.Compile(CartGold, _scope);
}
