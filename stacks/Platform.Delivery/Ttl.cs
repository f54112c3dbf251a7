using System.CommandLine.Parsing;
using System.Globalization;

namespace Platform.Delivery;

/// <summary>Parses a lifetime such as <c>45m</c>, <c>8h</c> or <c>2d</c>, up to <see cref="DevStacks.MaxTtl"/>.</summary>
public static class Ttl
{
    /// <summary>A dev cluster's lifetime when <c>--ttl</c> is not given: a working day.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromHours(8);

    /// <summary><see cref="DevStacks.MaxTtl"/> as <c>--ttl</c> writes it, e.g. 7d.</summary>
    public static string Longest => string.Create(CultureInfo.InvariantCulture, $"{DevStacks.MaxTtl.TotalDays}d");

    /// <summary>The lifetime in <paramref name="text"/>; null with the reason when it is not one.</summary>
    public static TimeSpan? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        if (text.Length >= 2
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0)
        {
            TimeSpan? span = text[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } value && value <= DevStacks.MaxTtl)
            {
                return value;
            }

            if (span is not null)
            {
                problem = $"--ttl '{text}' is longer than {Longest}; a dev cluster must not outlive a week";
                return null;
            }
        }

        problem = $"--ttl '{text}' is not a lifetime; use a positive whole number and m, h or d, e.g. 8h";
        return null;
    }

    /// <summary>The option parser: the lifetime, or a parse error naming the option and the allowed forms.</summary>
    public static TimeSpan? Parse(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (TryParse(text, out var problem) is { } value)
        {
            return value;
        }

        result.AddError(problem!);
        return null;
    }
}
