// Template: the service fills the slots with one expression per label or type read from tokens.cypher, quoted.
// Written out statically because Neo4j 5.26 plans dynamic $(label) matches as full scans, whereas
// COUNT { (:`Label`) } and COUNT { ()-[:`TYPE`]->() } are answered from the count store in one read each.
// Property keys come from a sample of each label's first nodes, so the cost does not grow with the graph.
RETURN [{{labelCounts}}] AS labelCounts, [{{labelKeys}}] AS labelKeys, [{{typeCounts}}] AS typeCounts
