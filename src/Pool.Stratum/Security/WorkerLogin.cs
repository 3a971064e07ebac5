using System.Globalization;

namespace Pool.Stratum.Security;

/// <summary>The parts of mining.authorize: <c>ADDRESS[.WORKER]</c> and a password that may carry <c>d=N</c> and <c>eth=0x…</c>.</summary>
/// <param name="Login">The login exactly as sent (what mining.submit names).</param>
/// <param name="Address">Payout address.</param>
/// <param name="Worker">Worker name, empty when none.</param>
/// <param name="RequestedDifficulty">Starting difficulty from <c>d=N</c>, or null.</param>
/// <param name="TokenAddress">EVM address from <c>eth=…</c>, or null.</param>
public sealed record WorkerLogin(string Login, string Address, string Worker, double? RequestedDifficulty, string? TokenAddress)
{
    private const char WorkerSeparator = '.';
    private const string DifficultyKey = "d=";
    private const string TokenKey = "eth=";
    private static readonly char[] PasswordSeparators = [',', ';', ' '];

    /// <summary>Longest worker name accepted; names go into every share record.</summary>
    public const int MaxWorkerLength = 64;

    /// <summary>Splits a login and password; false with a reason when the login is empty or <c>d=</c> is not a positive number.</summary>
    public static bool TryParse(string? login, string? password, out WorkerLogin result, out string reason)
    {
        result = null!;
        reason = "";
        if (string.IsNullOrWhiteSpace(login))
        {
            reason = "mining.authorize needs a login: ADDRESS or ADDRESS.WORKER";
            return false;
        }

        login = login.Trim();
        var dot = login.IndexOf(WorkerSeparator, StringComparison.Ordinal);
        var address = dot < 0 ? login : login[..dot];
        var worker = dot < 0 ? "" : login[(dot + 1)..];
        if (worker.Length > MaxWorkerLength || !worker.All(IsWorkerChar))
        {
            reason = $"worker name '{worker}' must be at most {MaxWorkerLength} letters, digits, '.', '_' or '-'";
            return false;
        }

        double? difficulty = null;
        string? token = null;
        foreach (var part in (password ?? "").Split(PasswordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(DifficultyKey, StringComparison.OrdinalIgnoreCase))
            {
                if (!double.TryParse(part.AsSpan(DifficultyKey.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    || !double.IsFinite(d) || d <= 0)
                {
                    reason = $"password option '{part}' is not a positive difficulty (use e.g. d=16)";
                    return false;
                }

                difficulty = d;
            }
            else if (part.StartsWith(TokenKey, StringComparison.OrdinalIgnoreCase))
            {
                token = part[TokenKey.Length..];
            }
        }

        result = new WorkerLogin(login, address, worker, difficulty, token);
        return true;
    }

    // The ledger's share records are text with separators; a worker name may not carry any of them.
    private static bool IsWorkerChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
