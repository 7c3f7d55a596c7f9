// The end nodes of relationships a console query returned without their ends.
// Element ids are only used inside the transaction that produced them.
MATCH (n)
WHERE elementId(n) IN $elementIds
RETURN n
