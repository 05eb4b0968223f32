namespace Journeys.Core.Model;

public sealed class ConditionBranch
{
    public string? When { get; set; }

    public string? Next { get; set; }
}
