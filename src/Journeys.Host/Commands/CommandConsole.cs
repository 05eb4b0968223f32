using Microsoft.AspNetCore.Connections;
using Spectre.Console;

namespace Journeys.Host.Commands;

/// <summary>
/// The console the commands write to, and the one line a failure becomes. When output goes to a file or a pipe
/// there is no terminal to colour or to wrap for: no ANSI codes, no progress animation, and a width no line
/// reaches, so that a path or a message stays on one line for grep and for logs.
/// </summary>
public static class CommandConsole
{
    /// <summary>The width used when output is redirected; lines are never wrapped below it.</summary>
    public const int RedirectedWidth = 4096;

    public static IAnsiConsole Create(TextWriter output, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// One line for a failure that ended a command: the message of a <see cref="CommandFailedException"/>, plain
    /// words for the failures users cause (a busy port, a file they may not read), and the type and message of
    /// anything else (a bug, still without the stack trace: set JOURNEYS_TRACE=1 to get it).
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            CommandFailedException failed => failed.Message,
            IOException { InnerException: AddressInUseException } busy =>
                $"{busy.Message.TrimEnd('.')}: another program (perhaps another journeys serve) listens there; stop it or choose another address with --urls.",
            UnauthorizedAccessException denied => $"{denied.Message} Check the file's permissions or choose another path.",
            IOException io => io.Message,
            _ => $"unexpected error ({exception.GetType().Name}): {exception.Message} (set JOURNEYS_TRACE=1 for details)",
        };
    }
}
