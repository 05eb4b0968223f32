using Journeys.Core.Expressions;

namespace Journeys.Core.Tests.Expressions;

public class TemplateTests
{
    private static CompiledTemplate Compile(string text, TemplateSyntax syntax = TemplateSyntax.DoubleBrace)
    {
        var (template, errors) = CompiledTemplate.Compile(text, Expr.Scope, syntax);
        Assert.Empty(errors);
        return template!;
    }

    private static IReadOnlyList<ExpressionError> Errors(string text, TemplateSyntax syntax = TemplateSyntax.DoubleBrace)
    {
        var (template, errors) = CompiledTemplate.Compile(text, Expr.Scope, syntax);
        Assert.Null(template);
        return errors;
    }

    [Theory]
    [InlineData("Hello {{entry.customer.id}}!", "Hello c1!")]
    [InlineData("{{entry.cart.total}} EUR", "120.5 EUR")]
    [InlineData("at {{entry.occurredAt}}", "at 2026-03-10T08:30:00Z")]
    [InlineData("wait {{duration('PT36H')}}", "wait P1DT12H")]
    [InlineData("[{{entry.meta.missing}}]", "[]")]
    [InlineData("{{1/4}}{{true}}{{entry.tags}}", "0.25true[\"vip\",\"new\"]")]
    [InlineData("{{ 'a}}b' }} and }} alone", "a}}b and }} alone")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    [InlineData("one { brace", "one { brace")]
    public void Render_interpolates_text(string text, string expected) =>
        Assert.Equal(expected, Compile(text).Render(Expr.Context()));

    [Fact]
    public void An_escaping_render_escapes_values_and_keeps_literals()
    {
        var template = Compile("/members/{entry.customer.id}/{'a b/c?d'}?x=1", TemplateSyntax.SingleBrace);

        Assert.Equal("/members/c1/a%20b%2Fc%3Fd?x=1", template.Render(Expr.Context(), Uri.EscapeDataString));
    }

    [Fact]
    public void A_single_placeholder_renders_a_typed_value()
    {
        var template = Compile("{{ entry.cart.total }}");

        Assert.True(template.IsSingleExpression);
        Assert.Equal(120.5, template.RenderValue(Expr.Context()).AsNumber());
        Assert.Equal("120.5", template.Render(Expr.Context()));
    }

    [Theory]
    [InlineData(" {{entry.cart.total}}")]
    [InlineData("{{entry.cart.total}}{{entry.id}}")]
    [InlineData("plain")]
    public void Anything_else_is_not_a_single_expression_and_renders_text(string text)
    {
        var template = Compile(text);

        Assert.False(template.IsSingleExpression);
        Assert.Equal(ValueKind.String, template.RenderValue(Expr.Context()).Kind);
    }

    [Fact]
    public void A_single_placeholder_of_a_missing_value_is_null()
    {
        Assert.True(Compile("{{entry.meta.missing}}").RenderValue(Expr.Context()).IsNull);
    }

    [Fact]
    public void Single_brace_templates_fill_data_source_paths()
    {
        var template = Compile("/members/{profile.id}/points?since={date('2026-01-01')}", TemplateSyntax.SingleBrace);

        Assert.Equal("/members/c1/points?since=2026-01-01T00:00:00Z", template.Render(Expr.Context()));
    }

    [Fact]
    public void Errors_are_positioned_in_the_template_text()
    {
        var errors = Errors("{{a}} and {{entry.cart.totl}}");

        Assert.Equal(
            [(ExpressionErrorCodes.UnknownRoot, 2, 1), (ExpressionErrorCodes.UnknownField, 23, 4)],
            errors.Select(error => (error.Code, error.Position, error.Length)));
    }

    [Theory]
    [InlineData("Hi {{entry.id", TemplateSyntax.DoubleBrace, ExpressionErrorCodes.UnterminatedPlaceholder, 3, 10)]
    [InlineData("Hi {{entry.id}", TemplateSyntax.DoubleBrace, ExpressionErrorCodes.UnterminatedPlaceholder, 3, 11)]
    [InlineData("/m/{profile.id", TemplateSyntax.SingleBrace, ExpressionErrorCodes.UnterminatedPlaceholder, 3, 11)]
    [InlineData("x{{ }}y", TemplateSyntax.DoubleBrace, ExpressionErrorCodes.Syntax, 1, 5)]
    [InlineData("{{1 +}}", TemplateSyntax.DoubleBrace, ExpressionErrorCodes.Syntax, 5, 0)]
    [InlineData("{{'abc}}", TemplateSyntax.DoubleBrace, ExpressionErrorCodes.UnterminatedPlaceholder, 0, 8)]
    public void Malformed_placeholders(string text, TemplateSyntax syntax, string code, int position, int length)
    {
        var error = Assert.Single(Errors(text, syntax));

        Assert.Equal((code, position, length), (error.Code, error.Position, error.Length));
    }

    [Fact]
    public void Data_references_are_collected_across_placeholders()
    {
        var template = Compile("{{data.loyalty.tier.tier}} {{data.loyalty.tier.points}} {{data.loyalty.history.x}}");

        Assert.Equal([new DataReference("loyalty", "tier"), new DataReference("loyalty", "history")], template.DataReferences);
    }
}
