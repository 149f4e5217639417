import RefineryModel
print(GLPKSolver.version)
