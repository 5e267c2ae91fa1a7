package msg

// zh is the Chinese catalogue, the default. Write as a trainer speaks: say
// what is wrong, then how to fix it; field names stay as written in front
// matter.
var zh = map[Key]string{
	CountErrors:   "%d 个错误",
	CountWarnings: "%d 条提醒",
}
