using Platform.Stacks.Binding;
using YamlDotNet.RepresentationModel;

namespace Platform.Stacks.Tests;

public class ProjectFileTests
{
    private static YamlMappingNode Declarations()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlMappingNode)root.Children[new YamlScalarNode("config")];
    }

    [Fact]
    public void ProjectFileDeclaresExactlyTheKeysThePlatformReads()
    {
        var declared = Declarations().Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal);

        Assert.Equal(SpecBinder.TopLevelKeys.Select(k => $"platform:{k}").Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void ProjectFileDeclaresTypesAndDescriptionsButNoDefaults()
    {
        foreach (var (key, value) in Declarations().Children)
        {
            var declaration = (YamlMappingNode)value;
            Assert.True(declaration.Children.ContainsKey(new YamlScalarNode("type")), $"{key} has no type");
            Assert.True(declaration.Children.ContainsKey(new YamlScalarNode("description")), $"{key} has no description");
            Assert.False(declaration.Children.ContainsKey(new YamlScalarNode("default")), $"{key} declares a default the engine would inject");
        }
    }

    [Fact]
    public void ProjectIsNamedAfterTheConfigNamespaceAndRunsTheInfraProgram()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        Assert.Equal(SpecBinder.Namespace, ((YamlScalarNode)root.Children[new YamlScalarNode("name")]).Value);
        Assert.Equal("dotnet", ((YamlScalarNode)root.Children[new YamlScalarNode("runtime")]).Value);
        Assert.Equal("infra/", ((YamlScalarNode)root.Children[new YamlScalarNode("main")]).Value);
        Assert.True(File.Exists(Path.Combine(Repo.Root, "infra", "Platform.Infra.csproj")));
    }
}
