namespace Journeys.Core.Model;

public sealed class SplitBranch
{
    public decimal Percent { get; set; }

    public string? Next { get; set; }
}
