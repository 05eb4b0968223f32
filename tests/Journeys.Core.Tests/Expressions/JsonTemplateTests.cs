using System.Text;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Tests.Expressions;

public class JsonTemplateTests
{
    private static readonly ExpressionScope ParamsScope = ExpressionScope.Empty.With(
        ExpressionRoot.Params,
        Shape.FromFields(new Dictionary<string, FieldType> { ["email"] = FieldType.String, ["total"] = FieldType.Number, ["extra"] = FieldType.Object }));

    private static EvaluationContext Context() => new()
    {
        Params = Expr.Parse("""{"email":"a@b.c","total":42,"extra":{"k":[1,"two"]}}"""),
        Now = Expr.Now,
    };

    private static string Render(CompiledJsonTemplate template)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            template.Render(Context(), writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Strings_are_templates_and_exact_placeholders_keep_their_type()
    {
        var body = Expr.Parse("""
            {"to":"{{params.email}}","subject":"You left {{params.total}} EUR behind","total":"{{params.total}}",
             "n":1.5,"flag":true,"nil":null,"items":["{{params.total}}","x",["{{params.extra}}"]],
             "nested":{"when":"{{now()}}","missing":"{{params.extra.none}}"},"{{not.a.template}}":"keys are copied"}
            """);

        var (template, errors) = CompiledJsonTemplate.Compile(body, ParamsScope);

        Assert.Empty(errors);
        Assert.Equal(
            """{"to":"a@b.c","subject":"You left 42 EUR behind","total":42,"n":1.5,"flag":true,"nil":null,"items":[42,"x",[{"k":[1,"two"]}]],"nested":{"when":"2026-03-10T12:00:00Z","missing":null},"{{not.a.template}}":"keys are copied"}""",
            Render(template!));
    }

    [Fact]
    public void A_body_that_is_one_string_or_a_scalar_is_a_template_too()
    {
        Assert.Equal("\"a@b.c\"", Render(CompiledJsonTemplate.Compile(Expr.Parse("\"{{params.email}}\""), ParamsScope).Template!));
        Assert.Equal("7", Render(CompiledJsonTemplate.Compile(Expr.Parse("7"), ParamsScope).Template!));
    }

    [Fact]
    public void Errors_carry_the_json_path_of_their_string()
    {
        var body = Expr.Parse("""{"subject":"Hi {{params.emial}}","items":["ok","{{nope}}"],"odd key":{"x":"{{"}}""");

        var (template, errors) = CompiledJsonTemplate.Compile(body, ParamsScope);

        Assert.Null(template);
        Assert.Equal(
            [
                ("$.subject", ExpressionErrorCodes.UnknownField, 12),
                ("$.items[1]", ExpressionErrorCodes.UnknownRoot, 2),
                ("$['odd key'].x", ExpressionErrorCodes.UnterminatedPlaceholder, 0),
            ],
            errors.Select(e => (e.JsonPath, e.Error.Code, e.Error.Position)));
        Assert.StartsWith("$.subject: ", errors[0].Error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'email'?", errors[0].Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_references_of_the_whole_body()
    {
        var scope = Expr.Scope;
        var body = Expr.Parse("""{"a":"{{data.loyalty.tier.tier}}","b":["{{data.loyalty.history.x}} {{data.loyalty.tier.points}}"]}""");

        var (template, _) = CompiledJsonTemplate.Compile(body, scope);

        Assert.Equal([new DataReference("loyalty", "tier"), new DataReference("loyalty", "history")], template!.DataReferences);
    }

    [Fact]
    public void The_template_outlives_the_document_it_was_compiled_from()
    {
        CompiledJsonTemplate template;
        using (var document = JsonDocument.Parse("""{"fixed":"text","n":3}"""))
        {
            template = CompiledJsonTemplate.Compile(document.RootElement, ParamsScope).Template!;
        }

        Assert.Equal("""{"fixed":"text","n":3}""", Render(template));
    }
}
