using System.Text.Json;
using Journeys.Core.Expressions;

namespace Journeys.Core.Execution;

/// <summary>Evaluating expressions against the instance, and the one kind of failure a step turns into an error.</summary>
internal partial struct StepRun
{
    private bool TryEvaluate(CompiledExpression expression, string property, out Value value)
    {
        try
        {
            value = expression.Evaluate(Context());
            return true;
        }
        catch (ExpressionEvaluationException ex)
        {
            Fail(ex.Code, $"{property}: {ex.Message}");
            value = default;
            return false;
        }
    }

    /// <summary>The expression roots as of now; refreshed before each use because a step may add results.</summary>
    private EvaluationContext Context()
    {
        if (context is null)
        {
            context = spareContext ?? new EvaluationContext();
            spareContext = null;
            context.Entry = entry;
            context.Journey = journey.JourneyElement;
            context.DeferProfile(profileId, BuildProfile);
        }

        context.Events = receivedEvents ?? default;
        context.Actions = actionResults ?? default;
        context.Data = data ?? default;
        context.Now = now;
        return context;
    }

    /// <summary>Hands the evaluation context back for the thread's next step, holding on to no instance's JSON.</summary>
    private void ReleaseContext()
    {
        if (context is { } used)
        {
            context = null;
            used.Entry = default;
            used.Event = default;
            used.Profile = default;
            used.Journey = default;
            used.Events = default;
            used.Actions = default;
            used.Data = default;
            used.Params = default;
            spareContext = used;
        }
    }

    /// <summary>The <c>profile</c> root: <c>{ "id": profileId }</c>.</summary>
    private static JsonElement BuildProfile(string profileId)
    {
        using var scratch = JsonScratch.Rent();
        scratch.Writer.WriteStartObject();
        scratch.Writer.WriteString(IdProperty, profileId);
        scratch.Writer.WriteEndObject();
        return scratch.ToElement();
    }
}
