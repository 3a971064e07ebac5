using System.Reflection;
using BenchmarkDotNet.Running;

namespace Pool.Benchmarks;

/// <summary>Entry point: `NAME --quick` runs that quick benchmark once; anything else goes to BenchmarkDotNet's switcher.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 1 && args.Contains("--quick"))
        {
            var quick = FindQuickBenchmarks();
            if (quick.TryGetValue(args[0], out var benchmark))
            {
                return await benchmark.RunAsync(args[1..]);
            }

            await Console.Error.WriteLineAsync($"unknown quick benchmark '{args[0]}'; known: {string.Join(", ", quick.Keys.Order())}");
            return 2;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static Dictionary<string, IQuickBenchmark> FindQuickBenchmarks() =>
        Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IQuickBenchmark).IsAssignableFrom(t))
            .Select(t => (IQuickBenchmark)Activator.CreateInstance(t)!)
            .ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
}
