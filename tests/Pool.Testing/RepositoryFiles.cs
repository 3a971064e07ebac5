namespace Pool.Testing;

/// <summary>Paths in the repository the tests run from: the first directory above them holding Pool.sln.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root (where Pool.sln, config/ and node_modules/ are).</summary>
    public static string Root
    {
        get
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "Pool.sln")))
                    {
                        return directory.FullName;
                    }
                }
            }

            throw new DirectoryNotFoundException($"Pool.sln not found above {Environment.CurrentDirectory}: run the tests from inside the repository.");
        }
    }

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
