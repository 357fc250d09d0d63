// module Engine
