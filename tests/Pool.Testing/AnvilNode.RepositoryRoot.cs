namespace Pool.Testing;

public sealed partial class AnvilNode
{
    /// <summary>The repository root (the directory holding Pool.sln), where node_modules lives.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pool.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Pool.sln not found above {Environment.CurrentDirectory}: run the tests from inside the repository.");
    }
}
