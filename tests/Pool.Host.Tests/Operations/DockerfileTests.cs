using System.Text.RegularExpressions;
using Pool.Testing;

namespace Pool.Host.Tests.Operations;

/// <summary>The image the manifests run is built from this repository's own project and config (no Docker engine here to build it).</summary>
public partial class DockerfileTests
{
    [Test]
    public void Dockerfile_PublishesTheHostAndRunsItsAssembly()
    {
        var dockerfile = File.ReadAllText(RepositoryFiles.Combine("deploy", "docker", "Dockerfile"));
        var project = PublishedProject().Match(dockerfile).Groups["project"].Value;
        var csproj = File.ReadAllText(RepositoryFiles.Combine(project, Path.GetFileName(project) + ".csproj"));
        var assembly = Regex.Match(csproj, "<AssemblyName>(?<name>[^<]+)</AssemblyName>").Groups["name"].Value;

        Assert.That(project, Is.EqualTo("src/Pool.Host"));
        Assert.That(dockerfile, Does.Contain($"ENTRYPOINT [\"dotnet\", \"/app/{assembly}.dll\"]"));
        Assert.That(dockerfile, Does.Contain("COPY config /app/config"));
    }

    [Test]
    public void Manifests_RunTheImageTheDockerfileNames()
    {
        var dockerfile = File.ReadAllText(RepositoryFiles.Combine("deploy", "docker", "Dockerfile"));
        var tag = Regex.Match(dockerfile, @"docker build .* -t (?<tag>\S+) \.").Groups["tag"].Value;
        var manifests = new[] { RepositoryFiles.Combine("deploy", "kubernetes", "statefulset.yaml"), RepositoryFiles.Combine("deploy", "settle", "cronjob.yaml") };

        Assert.That(tag, Is.Not.Empty);
        foreach (var manifest in manifests)
        {
            Assert.That(File.ReadAllText(manifest), Does.Contain($"image: {tag}"), manifest);
        }
    }

    [GeneratedRegex(@"RUN dotnet publish (?<project>\S+) -c Release")]
    private static partial Regex PublishedProject();
}
