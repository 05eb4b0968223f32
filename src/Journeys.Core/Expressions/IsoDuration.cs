namespace Journeys.Expressions;

/// <summary>
/// ISO-8601 durations as journeys use them (<c>PT1H</c>, <c>P3D</c>, <c>P1W</c>, <c>P1DT12H</c>, <c>PT0.5S</c>).
/// Years and months are refused: their length depends on the calendar.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public static class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration) => throw new NotImplementedException();

    public static string Format(TimeSpan duration) => throw new NotImplementedException();
}
