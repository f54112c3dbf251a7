namespace Platform.Delivery;

/// <summary>Finds what the commands that drive Pulumi need before they start: the CLI and the project.</summary>
public static class PulumiCli
{
    /// <summary>The path of the <c>pulumi</c> executable on <paramref name="path"/> (a PATH value); null when absent.</summary>
    public static string? Find(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        string[] names = OperatingSystem.IsWindows() ? ["pulumi.exe", "pulumi.cmd"] : ["pulumi"];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding Pulumi.yaml; null when there is none.</summary>
    public static string? ProjectDir(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
