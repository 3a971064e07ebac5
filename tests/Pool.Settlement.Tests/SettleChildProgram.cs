using Pool.Settlement.Commands;

namespace Pool.Settlement.Tests;

/// <summary>
/// Entry point of this test assembly run as a program: <c>dotnet Pool.Settlement.Tests.dll settle …</c> runs <c>pool settle</c>
/// in a separate process (rounds from the file named by POOL_TEST_ROUNDS_FILE), so a test can SIGKILL it. Test runs ignore it.
/// </summary>
public static class SettleChildProgram
{
    public const string SettleVerb = "settle";
    public const string RoundsFileVariable = "POOL_TEST_ROUNDS_FILE";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != SettleVerb)
        {
            return 0;
        }

        var rounds = Environment.GetEnvironmentVariable(RoundsFileVariable)
            ?? throw new InvalidOperationException($"{RoundsFileVariable} is not set");
        return await new SettleCommand((_, _) => new JsonFileRoundStore(rounds)).RunAsync(args[1..], Console.Out, Console.Error);
    }
}
