package msg

// en is the English catalogue, for CI logs and contributors who read no
// Chinese. It holds a text for every key of zh.
var en = map[Key]string{
	CountErrors:   "%d error(s)",
	CountWarnings: "%d warning(s)",
}
