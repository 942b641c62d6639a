using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Plivo.Generated.ContractTests;

/// <summary>A check's outcome: passed, or failed with the reason.</summary>
internal sealed record CheckResult(string Phase, string Name, string? Failure);

/// <summary>Runs client calls as named checks (the call must succeed, or must fail with one status) and records each outcome.</summary>
internal sealed class Checks
{
    private readonly List<CheckResult> _results = new();

    public IReadOnlyList<CheckResult> Results => _results;

    public string Phase { get; set; } = string.Empty;

    /// <summary>The call must succeed and <paramref name="verify"/> must hold; returns the answer, or default if not.</summary>
    public async Task<T?> SucceedsAsync<T>(string name, Func<Task<T>> call, Action<T>? verify = null)
    {
        T answer;
        try
        {
            answer = await call().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fail(name, "expected success, got " + Describe(e));
            return default;
        }

        try
        {
            verify?.Invoke(answer);
        }
        catch (CheckFailedException e)
        {
            Fail(name, e.Message);
            return default;
        }

        Pass(name);
        return answer;
    }

    /// <summary>The call must fail with a <see cref="PlivoRestException"/> carrying <paramref name="status"/>.</summary>
    public async Task FailsWithAsync(string name, int status, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            Fail(name, $"expected HTTP {status}, but the call succeeded");
        }
        catch (PlivoRestException e) when (e.StatusCode == status)
        {
            Pass(name, $"HTTP {status}: {e.Error}");
        }
        catch (Exception e)
        {
            Fail(name, $"expected HTTP {status}, got " + Describe(e));
        }
    }

    /// <summary>Records a check whose outcome was decided elsewhere.</summary>
    public void Record(string name, string? failure)
    {
        if (failure is null)
        {
            Pass(name);
        }
        else
        {
            Fail(name, failure);
        }
    }

    /// <summary>A condition a check's answer must meet.</summary>
    public static void Require(bool condition, string whatWasExpected)
    {
        if (!condition)
        {
            throw new CheckFailedException(whatWasExpected);
        }
    }

    private void Pass(string name, string? detail = null)
    {
        _results.Add(new CheckResult(Phase, name, null));
        Console.WriteLine($"  ok    {Phase}: {name}" + (detail is null ? string.Empty : $" ({detail})"));
    }

    private void Fail(string name, string failure)
    {
        _results.Add(new CheckResult(Phase, name, failure));
        Console.WriteLine($"  FAIL  {Phase}: {name}: {failure}");
    }

    private static string Describe(Exception e) => e switch
    {
        PlivoRestException rest => $"PlivoRestException HTTP {rest.StatusCode}: {rest.Message}"
            + (string.IsNullOrEmpty(rest.ResponseBody) ? string.Empty : $"\n        body: {Shorten(rest.ResponseBody!)}"),
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string Shorten(string text) => text.Length <= 2000 ? text : text.Substring(0, 2000) + "...";
}

/// <summary>An answer arrived but did not say what it should.</summary>
internal sealed class CheckFailedException : Exception
{
    public CheckFailedException(string message)
        : base(message)
    {
    }
}

/// <summary>Small helpers over check results.</summary>
internal static class CheckResultExtensions
{
    public static int Failed(this IEnumerable<CheckResult> results) => results.Count(r => r.Failure is not null);

    public static int Passed(this IEnumerable<CheckResult> results) => results.Count(r => r.Failure is null);
}
