using System.Globalization;
using System.Text;

namespace Journeys.Core.Expressions;

/// <summary>
/// ISO-8601 durations as journeys use them (<c>PT1H</c>, <c>P3D</c>, <c>P1W</c>, <c>P1DT12H</c>, <c>PT0.5S</c>).
/// Years and months are refused: their length depends on the calendar.
/// </summary>
public static class IsoDuration
{
    /// <summary>
    /// Parses <c>P[nW][nD][T[nH][nM][n[.f]S]]</c>: designators upper case and in that order, integers except for
    /// seconds, at least one component, no sign. Returns false for anything else, including an overflow.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || text.Length < 2 || text[0] != 'P')
        {
            return false;
        }

        // Designators allowed, in order; an index into this string only moves forward.
        const string DateDesignators = "WD";
        const string TimeDesignators = "HMS";
        long ticks = 0;
        var index = 1;
        var components = 0;
        var inTime = false;
        var nextDesignator = 0;
        while (index < text.Length)
        {
            if (text[index] == 'T')
            {
                if (inTime || index + 1 >= text.Length)
                {
                    return false;
                }

                inTime = true;
                nextDesignator = 0;
                index++;
                continue;
            }

            var start = index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }

            var integerEnd = index;
            if (index < text.Length && text[index] is '.' or ',')
            {
                index++;
                while (index < text.Length && char.IsAsciiDigit(text[index]))
                {
                    index++;
                }

                if (index == integerEnd + 1)
                {
                    return false;
                }
            }

            if (integerEnd == start || index >= text.Length)
            {
                return false;
            }

            var designators = inTime ? TimeDesignators : DateDesignators;
            var found = designators.IndexOf(text[index], nextDesignator);
            if (found < 0)
            {
                return false;
            }

            var isFractional = index != integerEnd;
            if (isFractional && !(inTime && text[index] == 'S'))
            {
                return false;
            }

            var number = text.AsSpan(start, index - start).ToString().Replace(',', '.');
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unit = (inTime, text[index]) switch
            {
                (false, 'W') => TimeSpan.TicksPerDay * 7m,
                (false, 'D') => TimeSpan.TicksPerDay,
                (true, 'H') => TimeSpan.TicksPerHour,
                (true, 'M') => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerSecond,
            };
            // Checked before multiplying: the product of two large decimals would itself overflow.
            if (amount > (TimeSpan.MaxValue.Ticks - ticks) / unit)
            {
                return false;
            }

            ticks += (long)decimal.Round(amount * unit);
            components++;
            nextDesignator = found + 1;
            index++;
        }

        if (components == 0)
        {
            return false;
        }

        duration = new TimeSpan(ticks);
        return true;
    }

    /// <summary>
    /// The canonical form: days, hours, minutes and (fractional) seconds, zero components left out
    /// (<c>P1DT12H</c>, <c>PT1H30M</c>, <c>PT0.5S</c>, <c>PT0S</c>). Weeks are written as days. A negative
    /// duration (datetime minus a later datetime) gets a leading minus, which <see cref="TryParse"/> refuses.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder(16);
        var ticks = duration.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
        }

        // Unsigned so that the magnitude of TimeSpan.MinValue does not overflow.
        var magnitude = ticks < 0 ? (ulong)-(ticks + 1) + 1 : (ulong)ticks;
        var days = magnitude / TimeSpan.TicksPerDay;
        magnitude %= TimeSpan.TicksPerDay;
        var hours = magnitude / TimeSpan.TicksPerHour;
        magnitude %= TimeSpan.TicksPerHour;
        var minutes = magnitude / TimeSpan.TicksPerMinute;
        magnitude %= TimeSpan.TicksPerMinute;
        var seconds = magnitude / TimeSpan.TicksPerSecond;
        var fraction = magnitude % TimeSpan.TicksPerSecond;

        builder.Append('P');
        if (days > 0)
        {
            builder.Append(days).Append('D');
        }

        if (hours > 0 || minutes > 0 || seconds > 0 || fraction > 0)
        {
            builder.Append('T');
            if (hours > 0)
            {
                builder.Append(hours).Append('H');
            }

            if (minutes > 0)
            {
                builder.Append(minutes).Append('M');
            }

            if (seconds > 0 || fraction > 0)
            {
                builder.Append(seconds);
                if (fraction > 0)
                {
                    builder.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                builder.Append('S');
            }
        }

        return builder.ToString();
    }
}
