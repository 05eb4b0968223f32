using Journeys.Runtime.Catalog;

namespace Journeys.Runtime.Tests.Catalog;

/// <summary>RFC 9110 §13.1 If-Match / If-None-Match values and the write conditions they become.</summary>
public sealed class ConditionalHeaderTests
{
    [Theory]
    [InlineData("\"a\"", new[] { "a" })]
    [InlineData("\"a\", \"b\"", new[] { "a", "b" })]
    [InlineData("\"a\",\"b\" ,\t\"c\"", new[] { "a", "b", "c" })]
    [InlineData("W/\"a\", \"b\"", new[] { "a", "b" })]
    [InlineData(" , \"a\",, \"b\" ,", new[] { "a", "b" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("\"a,b\"", new[] { "a,b" })]
    public void Entity_tag_lists_read_as_their_opaque_parts(string header, string[] expected)
    {
        Assert.True(ETagHeader.TryParseList(header, out var any, out var etags));
        Assert.False(any);
        Assert.Equal(expected, etags);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("  *  ")]
    public void A_lone_star_is_any(string header)
    {
        Assert.True(ETagHeader.TryParseList(header, out var any, out var etags));
        Assert.True(any);
        Assert.Empty(etags);
    }

    [Fact]
    public void A_quoted_star_is_an_entity_tag_not_the_wildcard()
    {
        Assert.True(ETagHeader.TryParseList("\"*\"", out var any, out var etags));
        Assert.False(any);
        Assert.Equal(["*"], etags);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("abc, def")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"a\", b")]
    [InlineData("\"a")]
    [InlineData("*, \"a\"")]
    [InlineData("\"a\", *")]
    [InlineData("w/\"a\"")]
    [InlineData("W/ \"a\"")]
    [InlineData("\"a b\"")]
    [InlineData(",")]
    [InlineData("")]
    public void Malformed_values_are_refused(string header)
    {
        Assert.False(ETagHeader.TryParseList(header, out _, out _));
    }

    [Fact]
    public void A_list_in_if_match_is_satisfied_by_any_of_its_tags_and_only_when_the_item_exists()
    {
        var condition = IfMatch("\"a\", \"b\"");

        Assert.Equal(WriteConditionKind.ETagMatches, condition.Kind);
        Assert.Equal(["a", "b"], condition.ETags);
        Assert.True(condition.IsSatisfiedBy("a"));
        Assert.True(condition.IsSatisfiedBy("b"));
        Assert.False(condition.IsSatisfiedBy("c"));
        Assert.False(condition.IsSatisfiedBy(null));
    }

    [Fact]
    public void A_single_tag_list_equals_the_single_tag_condition()
    {
        Assert.Equal(WriteCondition.IfMatch("a"), IfMatch("W/\"a\""));
        Assert.Equal(WriteCondition.IfMatchAny(["a", "b"]), IfMatch("\"a\", \"b\""));
        Assert.NotEqual(WriteCondition.IfMatchAny(["a", "b"]), WriteCondition.IfMatch("a"));
    }

    // Expected: RFC 9110 §8.8.3 — an entity-tag is quoted; a bare token is not one, however it is weakened or spaced.
    [Theory]
    [InlineData("abc")]
    [InlineData("W/abc")]
    [InlineData(" abc ")]
    [InlineData("abc, \"def\"")]
    public void A_bare_token_in_if_match_is_refused_not_read_as_an_etag(string ifMatch)
    {
        Assert.False(WriteCondition.TryFromHeaders(ifMatch, null, out var condition));
        Assert.Equal(WriteCondition.None, condition);
    }

    [Theory]
    [InlineData(null, null, WriteConditionKind.None)]
    [InlineData("*", null, WriteConditionKind.MustExist)]
    [InlineData(null, "*", WriteConditionKind.MustNotExist)]
    [InlineData("\"a\"", null, WriteConditionKind.ETagMatches)]
    [InlineData("\"a\"", "*", WriteConditionKind.Unsatisfiable)]
    [InlineData("*", "*", WriteConditionKind.Unsatisfiable)]
    [InlineData(null, "\"a\"", WriteConditionKind.None)]
    public void Header_pairs_become_one_condition(string? ifMatch, string? ifNoneMatch, WriteConditionKind kind)
    {
        Assert.True(WriteCondition.TryFromHeaders(ifMatch, ifNoneMatch, out var condition));
        Assert.Equal(kind, condition.Kind);
    }

    [Theory]
    [InlineData("abc", null)]
    [InlineData(null, "abc")]
    [InlineData("\"a\"", "\"b")]
    public void Header_pairs_with_a_malformed_value_are_refused(string? ifMatch, string? ifNoneMatch)
    {
        Assert.False(WriteCondition.TryFromHeaders(ifMatch, ifNoneMatch, out _));
    }

    // Expected: RFC 9110 §13.2.2 — a write proceeds only when If-Match (if any) and If-None-Match (if any) both hold.
    [Theory]
    [InlineData(null, "*", null, true)]
    [InlineData(null, "*", "e1", false)]
    [InlineData(null, "\"e1\"", null, true)]
    [InlineData(null, "\"e1\"", "e1", false)]
    [InlineData(null, "\"e1\", \"e2\"", "e2", false)]
    [InlineData(null, "\"e1\"", "e3", true)]
    [InlineData("\"e1\", \"e2\"", "\"e2\"", "e1", true)]
    [InlineData("\"e1\", \"e2\"", "\"e2\"", "e2", false)]
    [InlineData("*", "\"e2\"", "e1", true)]
    [InlineData("*", "\"e2\"", null, false)]
    [InlineData("\"e1\"", "*", "e1", false)]
    [InlineData("\"e1\"", "*", null, false)]
    [InlineData("W/\"e1\"", null, "e1", true)]
    public void Combined_conditions_hold_only_when_both_headers_hold(string? ifMatch, string? ifNoneMatch, string? current, bool satisfied)
    {
        Assert.True(WriteCondition.TryFromHeaders(ifMatch, ifNoneMatch, out var condition));
        Assert.Equal(satisfied, condition.IsSatisfiedBy(current));
    }

    [Fact]
    public void Except_etags_adds_to_any_condition_and_an_absent_item_has_no_etag_to_exclude()
    {
        var condition = WriteCondition.MustExist.ExceptETags(["old"]);

        Assert.Equal(["old"], condition.ExcludedETags);
        Assert.True(condition.IsSatisfiedBy("new"));
        Assert.False(condition.IsSatisfiedBy("old"));
        Assert.False(condition.IsSatisfiedBy(null));
        Assert.True(WriteCondition.None.ExceptETags(["old"]).IsSatisfiedBy(null));
    }

    private static WriteCondition IfMatch(string header)
    {
        Assert.True(WriteCondition.TryFromHeaders(header, null, out var condition));
        return condition;
    }
}
