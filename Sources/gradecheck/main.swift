print("gradecheck")
