#!/usr/bin/env python3
"""Writes src/main/resources/io/gradlens/third-party-licenses.tsv (shown in Help -> About) from the
<licenses> of the runtime dependencies' POMs in the local Maven repository (following <parent>).
Run after a dependency change:
  mvn -q dependency:list -DincludeScope=runtime -DoutputFile=/tmp/deps.txt && python3 tools/dist/licenses.py /tmp/deps.txt
LicensesResourceTest fails when a runtime dependency is missing from the file."""
import os
import re
import sys

M2 = os.path.expanduser("~/.m2/repository")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src/main/resources/io/gradlens/third-party-licenses.tsv")


def pom(g, a, v):
    path = os.path.join(M2, g.replace(".", "/"), a, v, "%s-%s.pom" % (a, v))
    return open(path, errors="ignore").read() if os.path.exists(path) else ""


def licence(g, a, v, depth=0):
    text = pom(g, a, v)
    names = re.findall(r"<license>\s*(?:<!--.*?-->\s*)?<name>(.*?)</name>", text, re.S)
    if names:
        return "; ".join(" ".join(n.split()) for n in names)
    parent = re.search(r"<parent>(.*?)</parent>", text, re.S)
    if parent and depth < 6:
        b = parent.group(1)
        get = lambda tag: re.search(r"<%s>(.*?)</%s>" % (tag, tag), b).group(1).strip()
        return licence(get("groupId"), get("artifactId"), get("version"), depth + 1)
    return "see the project's site"


def main(deps_file):
    rows = {}
    for line in open(deps_file):
        parts = line.strip().split()[0].split(":") if line.strip() else []
        if len(parts) < 5:
            continue
        g, a, v = parts[0], parts[1], parts[-2]
        rows.setdefault("%s:%s" % (g, a), (v, licence(g, a, v)))
    with open(OUT, "w") as out:
        out.write("# artifact\tversion\tlicence (from its POM; tools/dist/licenses.py)\n")
        for key in sorted(rows):
            out.write("%s\t%s\t%s\n" % (key, rows[key][0], rows[key][1]))


if __name__ == "__main__":
    main(sys.argv[1])
