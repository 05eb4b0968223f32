namespace Journeys.Core.Execution;

/// <summary>
/// A journey version could not be compiled for execution: an expression, duration or data-source path that
/// validation should have refused, or configuration (action, data source) that no longer exists.
/// </summary>
public sealed class JourneyCompilationException : Exception
{
    public const string ErrorCode = "JOURNEY_COMPILE_FAILED";

    public JourneyCompilationException()
        : this("The journey could not be compiled.")
    {
    }

    public JourneyCompilationException(string message)
        : this(message, [message])
    {
    }

    public JourneyCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public JourneyCompilationException(string message, IReadOnlyList<string> problems)
        : base(message)
    {
        Problems = problems;
    }

    public string Code => ErrorCode;

    /// <summary>Every problem found, each naming the node and property it concerns.</summary>
    public IReadOnlyList<string> Problems { get; }
}
