namespace Pool.Host.Tests;

/// <summary>Paths of files in the repository the tests run from.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the first directory above the test binaries holding Pool.sln.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pool.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("Pool.sln not found above the test directory");
        }
    }

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
