// What a user's project gets from this build. Jackson's jars in one version: jackson-databind calls into
// jackson-core, and an older core beside a newer databind fails at run time (NoSuchMethodError), not in the build.
def list = new File(basedir, 'target/dependencies.txt').text

def resolved = { String groupId, String artifactId ->
    def found = (list =~ /(?m)^\s*\Q${groupId}:${artifactId}\E:jar:([^:\s]+):(\w+)/)
    assert found.find() : "${groupId}:${artifactId} is not among the consumer's resolved dependencies:\n${list}"
    found.group(1)
}

def seedance = resolved('io.github.camelseedance', 'camel-seedance')
def emulator = resolved('io.github.camelseedance', 'camel-seedance-emulator')
def core = resolved('com.fasterxml.jackson.core', 'jackson-core')
def databind = resolved('com.fasterxml.jackson.core', 'jackson-databind')
println "Consumer resolves camel-seedance ${seedance}, camel-seedance-emulator ${emulator}, " +
        "jackson-core ${core}, jackson-databind ${databind}"

assert seedance == projectVersion && emulator == projectVersion : 'not the artifacts of this build'
assert core == databind : "mismatched Jackson on the consumer's classpath: jackson-core ${core} beside " +
        "jackson-databind ${databind}"

// the jar as published carries Camel's component descriptor
def jar = new File(localRepositoryPath,
        "io/github/camelseedance/camel-seedance/${projectVersion}/camel-seedance-${projectVersion}.jar")
def descriptor = new Properties()
new java.util.zip.ZipFile(jar).withCloseable { zip ->
    def entry = zip.getEntry('META-INF/services/org/apache/camel/component.properties')
    assert entry != null : "${jar.name} has no META-INF/services/org/apache/camel/component.properties"
    zip.getInputStream(entry).withCloseable { descriptor.load(it) }
}
println "${jar.name} lists components=${descriptor.components}, " +
        "${descriptor.groupId}:${descriptor.artifactId}:${descriptor.version}"
assert descriptor.components == 'seedance' && descriptor.artifactId == 'camel-seedance' &&
        descriptor.version == projectVersion
return true
