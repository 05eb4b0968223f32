using Journeys.Runtime.Catalog;

namespace Journeys.Runtime.Tests.Catalog;

public sealed class ETagHeaderTests
{
    [Fact]
    public void Format_quotes_the_token()
    {
        Assert.Equal("\"abc\"", ETagHeader.Format("abc"));
    }

    [Theory]
    [InlineData(null, WriteConditionKind.None, null)]
    [InlineData("", WriteConditionKind.None, null)]
    [InlineData("*", WriteConditionKind.MustExist, null)]
    [InlineData("\"e1\"", WriteConditionKind.ETagMatches, "e1")]
    public void If_match_values_become_conditions(string? ifMatch, WriteConditionKind kind, string? etag)
    {
        Assert.True(WriteCondition.TryFromHeaders(ifMatch, null, out var condition));
        Assert.Equal(new WriteCondition(kind, etag), condition);
    }

    [Theory]
    [InlineData(WriteConditionKind.None, null, null, true)]
    [InlineData(WriteConditionKind.None, null, "e1", true)]
    [InlineData(WriteConditionKind.MustExist, null, null, false)]
    [InlineData(WriteConditionKind.MustExist, null, "e1", true)]
    [InlineData(WriteConditionKind.MustNotExist, null, null, true)]
    [InlineData(WriteConditionKind.MustNotExist, null, "e1", false)]
    [InlineData(WriteConditionKind.ETagMatches, "e1", "e1", true)]
    [InlineData(WriteConditionKind.ETagMatches, "e1", "E1", false)]
    [InlineData(WriteConditionKind.ETagMatches, "e1", null, false)]
    public void Conditions_compare_against_the_current_etag(WriteConditionKind kind, string? etag, string? current, bool satisfied)
    {
        Assert.Equal(satisfied, new WriteCondition(kind, etag).IsSatisfiedBy(current));
    }
}
