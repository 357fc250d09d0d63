// module GradientCheck
