namespace Journeys.Core.Expressions;

/// <summary>The top-level names an expression can start a path with (SPEC §3).</summary>
public enum ExpressionRoot
{
    /// <summary><c>entry.*</c>: the event that started the instance.</summary>
    Entry,

    /// <summary><c>event.*</c>: the candidate event (correlate, event rules).</summary>
    Event,

    /// <summary><c>profile.id</c>.</summary>
    Profile,

    /// <summary><c>journey.id</c>, <c>journey.version</c>.</summary>
    Journey,

    /// <summary><c>events.&lt;node&gt;.*</c>: events received by waitForEvent nodes.</summary>
    Events,

    /// <summary><c>actions.&lt;node&gt;.status|statusCode|body</c>.</summary>
    Actions,

    /// <summary><c>data.&lt;source&gt;.&lt;group&gt;.&lt;field&gt;</c>.</summary>
    Data,

    /// <summary><c>params.*</c>: inside custom-action templates.</summary>
    Params,
}
